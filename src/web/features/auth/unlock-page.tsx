import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { api } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { Loading } from '../../ui/status.tsx';

type Outcome = 'working' | 'done' | 'failed' | 'missing';

/** Opened from the unlock e-mail: lifts the lock at once, then points to sign-in. */
export function UnlockPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [outcome, setOutcome] = useState<Outcome>(token ? 'working' : 'missing');
  const sent = useRef<string | null>(null);

  useEffect(() => {
    // The link works once, so it is posted once even when React runs effects twice.
    if (!token || sent.current === token) return;
    sent.current = token;
    api<{ unlocked: true }>('/api/public/account-unlocks', { method: 'POST', body: { token }, redirectOn401: false })
      .then(() => setOutcome('done'))
      .catch(() => setOutcome('failed'));
  }, [token]);

  return (
    <Page title={t('unlock.title')}>
      {outcome === 'working' && (
        <>
          <Paragraph>{t('unlock.working')}</Paragraph>
          <Loading />
        </>
      )}
      {outcome === 'done' && (
        <Alert data-color="success" role="status">
          {t('unlock.done')}
        </Alert>
      )}
      {outcome === 'failed' && <Alert data-color="info">{t('unlock.failed')}</Alert>}
      {outcome === 'missing' && <Alert data-color="info">{t('unlock.missing')}</Alert>}
      {outcome !== 'working' && (
        <Paragraph>
          <RouterLink to="/sign-in">{t('unlock.toSignIn')}</RouterLink>
        </Paragraph>
      )}
    </Page>
  );
}
