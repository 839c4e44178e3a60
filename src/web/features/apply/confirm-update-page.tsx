import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import type { z } from 'zod';
import type { confirmUpdateResult } from '../../../shared/contracts/recruitment.ts';
import type { ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { errorMessage } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { Loading } from '../../ui/status.tsx';
import { asApiError, publicApi } from './public-api.ts';
import { keepSessionToken } from './storage.ts';

type ConfirmUpdateResult = z.infer<typeof confirmUpdateResult>;

/**
 * `/application/confirm#<token>`: the link e-mailed when someone applied again with an address that
 * had applied before. Opening it applies the change, then shows the personal page.
 */
export function ConfirmUpdatePage() {
  const { t, locale } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => (location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null));
  const [error, setError] = useState<ApiError | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    // Once only, even when React runs effects twice while developing: the link works one time.
    started.current = true;
    navigate({ pathname: location.pathname, search: location.search }, { replace: true });
    publicApi<ConfirmUpdateResult>('/api/public/applications/confirm-update', { locale, method: 'POST', body: { token } })
      .then((result) => {
        keepSessionToken(result.statusToken);
        navigate(`/application${location.search}#${result.statusToken}`, { replace: true });
      })
      .catch((e: unknown) => setError(asApiError(e)));
  }, [token, locale, location.pathname, location.search, navigate]);

  const failed = !token || error;
  return (
    <Page title={t(failed ? 'apply.confirm.failedTitle' : 'apply.confirm.title')}>
      {!failed && <Loading />}
      {!token && <Paragraph>{t('apply.confirm.noToken')}</Paragraph>}
      {error && (
        <Paragraph>{error.status === 0 || error.status >= 500 ? errorMessage(error, t) : t('apply.confirm.expired')}</Paragraph>
      )}
      {failed && (
        <Paragraph>
          <RouterLink to={`/application${location.search}`}>{t('apply.confirm.toStatus')}</RouterLink>
        </Paragraph>
      )}
    </Page>
  );
}
