import { Suspense, useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Button, SkipLink } from '@digdir/designsystemet-react';
import { useAuth } from './auth.tsx';
import { useT } from './i18n.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { visibleNavItems } from './nav.ts';
import { Loading } from '../ui/status.tsx';

/** Header (brand, tenant, language, sign-out, menu), then the page in <main>. */
export function Shell() {
  const t = useT();
  const { state, signOut } = useAuth();
  const { pathname, search } = useLocation();
  // A region embeds the application form in its own site (`/apply/…?embed=1`): no brand, no menu.
  const embedded = new URLSearchParams(search).get('embed') === '1';
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);

  useEffect(() => {
    setMenuOpen(false);
    // After an in-app navigation, start screen readers and keyboards at the new page, not the old link.
    if (pathname !== firstPath.current) mainRef.current?.focus();
    firstPath.current = pathname;
  }, [pathname]);

  const user = state.status === 'signedIn' ? state.user : null;
  const items = user ? visibleNavItems(user.permissions) : [];

  return (
    <>
      <SkipLink href="#main">{t('common.skipLink')}</SkipLink>
      <header className="pb-header" data-embedded={embedded || undefined}>
        <div className="pb-header__bar">
          <div className="pb-brand" hidden={embedded}>
            <NavLink to="/" className="pb-brand__name">
              {t('app.name')}
            </NavLink>
            {user && <span className="pb-brand__tenant">{user.tenant.name}</span>}
          </div>
          <div className="pb-header__tools">
            <LanguageSwitch />
            {user && (
              <Button variant="secondary" data-size="sm" onClick={() => void signOut()}>
                {t('nav.signOut')}
              </Button>
            )}
            {user && (
              <Button
                variant="tertiary"
                data-size="sm"
                className="pb-menu-button"
                aria-expanded={menuOpen}
                aria-controls="main-nav"
                onClick={() => setMenuOpen((open) => !open)}
              >
                {t('nav.menu')}
              </Button>
            )}
          </div>
        </div>
        {user && !embedded && (
          <nav id="main-nav" aria-label={t('nav.label')} className="pb-nav" data-open={menuOpen}>
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'} className="pb-nav__link">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
