import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Role } from '../../../shared/permissions.ts';
import { useUser } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { visibleNavItems } from '../../app/nav.ts';
import { roleList } from '../../ui/names.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { OverdueDecisionsCard } from '../recruitment/overdue-decisions-card.tsx';

/** Roles whose own tools exist in this build; everyone else is told, calmly, that theirs are coming. */
const rolesWithTools: readonly Role[] = ['admin', 'trainer', 'participant'];

export function HomePage() {
  const t = useT();
  const user = useUser();
  const cards = visibleNavItems(user.permissions).filter((item) => item.description !== null);
  const waiting = user.roles.filter((r) => !rolesWithTools.includes(r));

  return (
    <Page title={t('home.greeting', { name: user.name })}>
      <Paragraph>{t('home.tenant', { tenant: user.tenant.name })}</Paragraph>
      <OverdueDecisionsCard />

      <section aria-labelledby="home-roles" className="pb-stack">
        <Heading level={2} data-size="xs" id="home-roles">
          {t('home.roles')}
        </Heading>
        <Paragraph>{user.roles.length > 0 ? roleList(user.roles, t) : t('home.noRoles')}</Paragraph>
        {waiting.length > 0 && (
          <Paragraph className="pb-calm">{t('home.comingSoon', { roles: roleList(waiting, t) })}</Paragraph>
        )}
      </section>

      <section aria-labelledby="home-can-do" className="pb-stack">
        <Heading level={2} data-size="xs" id="home-can-do">
          {t('home.whatYouCanDo')}
        </Heading>
        <ul className="pb-cards">
          {cards.map((item) => (
            <li key={item.to}>
              <Card data-color="neutral">
                <Heading level={3} data-size="2xs">
                  <RouterLink to={item.to}>{t(item.label)}</RouterLink>
                </Heading>
                {item.description && <Paragraph data-size="sm">{t(item.description)}</Paragraph>}
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
