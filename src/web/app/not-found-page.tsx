import { Paragraph } from '@digdir/designsystemet-react';
import { useT } from './i18n.tsx';
import { Page } from '../ui/page.tsx';
import { RouterLink } from '../ui/router-link.tsx';

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <Paragraph>{t('notFound.body')}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t('common.toHome')}</RouterLink>
      </Paragraph>
    </Page>
  );
}

export function ForbiddenPage() {
  const t = useT();
  return (
    <Page title={t('common.forbiddenTitle')}>
      <Paragraph>{t('common.forbiddenBody')}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t('common.toHome')}</RouterLink>
      </Paragraph>
    </Page>
  );
}
