import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ENROLMENT_TOKEN_HEADER, type CurrentEnrolmentView } from '../../../shared/contracts/recovery-college.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { ApiError, toApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { asApiError } from '../apply/public-api.ts';

/**
 * The cancel link's token (`/recovery-college/cancel#<token>`), taken once and removed from the
 * address bar so it is not left in the history. A reload asks for the e-mailed link again.
 */
export function useEnrolmentToken(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => (location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null));

  useEffect(() => {
    if (location.hash) navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [location.hash, location.pathname, location.search, navigate]);
  return token;
}

async function readEnrolment(token: string, locale: Locale, signal: AbortSignal): Promise<CurrentEnrolmentView> {
  let response: Response;
  try {
    response = await fetch('/api/public/enrolments/current', {
      headers: { Accept: 'application/json', 'Accept-Language': locale, [ENROLMENT_TOKEN_HEADER]: token },
      credentials: 'omit',
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '');
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as CurrentEnrolmentView;
}

/** The enrolment the link opens: whose, in which course, and where it stands. */
export function useCurrentEnrolment(token: string | null) {
  const { locale } = useI18n();
  const [data, setData] = useState<CurrentEnrolmentView>();
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    setError(null);
    readEnrolment(token, locale, controller.signal)
      .then(setData)
      .catch((e: unknown) => !controller.signal.aborted && setError(asApiError(e)));
    return () => controller.abort();
  }, [token, locale, version]);

  return { data, error, loading: token !== null && !data && !error, reload: () => setVersion((v) => v + 1) };
}
