import { Link } from 'react-router';
import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PublicIntakeView } from '../../../shared/contracts/recruitment.ts';
import { useT } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { useEmbedQuery } from './embed.ts';
import { IntakeFacts } from './intake-facts.tsx';

/** `/apply`: the intakes open for applications right now, each with the way in. */
export function OpenIntakesPage() {
  const t = useT();
  const embed = useEmbedQuery();
  const intakes = useResource<{ items: PublicIntakeView[] }>('/api/public/intakes');
  const open = (intakes.data?.items ?? []).filter((i) => i.isOpen);

  return (
    <Page title={t('apply.title')}>
      <Paragraph>{t('apply.intro')}</Paragraph>
      {intakes.loading && <Loading />}
      {intakes.error && <LoadError error={intakes.error} onRetry={intakes.reload} />}
      {intakes.data && open.length === 0 && <Paragraph className="pb-calm">{t('apply.none')}</Paragraph>}
      {open.length > 0 && (
        <ul className="pb-plain-list">
          {open.map((intake) => (
            <li key={intake.id}>
              <Card data-color="neutral" className="pb-stack">
                <Heading level={2} data-size="sm">
                  {intake.title}
                </Heading>
                <IntakeFacts intake={intake} />
                <div>
                  <Button asChild>
                    <Link to={`/apply/${intake.id}${embed}`}>{t('apply.applyTo', { title: intake.title })}</Link>
                  </Button>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
