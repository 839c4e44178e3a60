import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { MeUser } from '../../shared/contracts/auth.ts';
import type { Permission } from '../../shared/permissions.ts';
import { api, setUnauthorizedHandler } from './api.ts';
import { useI18n } from './i18n.tsx';

export type CurrentUser = MeUser;

type AuthState = { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; user: CurrentUser };

interface Auth {
  state: AuthState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Switches the language; when signed in it is also stored on the account. */
  changeLocale: (locale: Locale) => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const { setLocale } = useI18n();
  const navigate = useNavigate();

  const adopt = useCallback(
    (user: CurrentUser) => {
      setLocale(user.locale);
      setState({ status: 'signedIn', user });
    },
    [setLocale],
  );

  useEffect(() => {
    let cancelled = false;
    api<{ user: CurrentUser }>('/api/auth/me', { redirectOn401: false })
      .then(({ user }) => !cancelled && adopt(user))
      .catch(() => !cancelled && setState({ status: 'signedOut' }));
    return () => {
      cancelled = true;
    };
  }, [adopt]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setState({ status: 'signedOut' });
      const here = window.location.pathname + window.location.search;
      if (window.location.pathname !== '/sign-in') navigate(`/sign-in?next=${encodeURIComponent(here)}`, { replace: true });
    });
  }, [navigate]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const { user } = await api<{ user: CurrentUser }>('/api/auth/login', {
        method: 'POST',
        body: { email, password },
        redirectOn401: false,
      });
      // Should the login answer ever be leaner than /me, ask again so permissions and tenant are there.
      if (Array.isArray(user.permissions) && user.tenant) return adopt(user);
      adopt((await api<{ user: CurrentUser }>('/api/auth/me', { redirectOn401: false })).user);
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    await api<null>('/api/auth/logout', { method: 'POST', redirectOn401: false }).catch(() => undefined);
    setState({ status: 'signedOut' });
    navigate('/sign-in', { replace: true });
  }, [navigate]);

  const changeLocale = useCallback(
    async (locale: Locale) => {
      setLocale(locale);
      if (state.status !== 'signedIn') return;
      const { user } = await api<{ user: CurrentUser }>('/api/auth/me', { method: 'PATCH', body: { locale } });
      setState({ status: 'signedIn', user });
    },
    [setLocale, state.status],
  );

  const value = useMemo<Auth>(() => ({ state, signIn, signOut, changeLocale }), [state, signIn, signOut, changeLocale]);
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useUser(): CurrentUser {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useUser without a signed-in user');
  return state.user;
}

export function useCan(): (permission: Permission) => boolean {
  const { state } = useAuth();
  return (permission) => state.status === 'signedIn' && state.user.permissions.includes(permission);
}
