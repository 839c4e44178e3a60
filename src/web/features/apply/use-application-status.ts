import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { ApplicationStatusView } from '../../../shared/contracts/recruitment.ts';
import type { ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { asApiError, publicApi } from './public-api.ts';
import { keepSessionToken, sessionToken } from './storage.ts';

/**
 * The personal link's token: taken from the address (`/application#<token>`), kept for this tab,
 * and removed from the address bar so it is not left in the history or shown over a shoulder.
 */
export function useApplicationToken(): [string | null, (token: string | null) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const fromHash = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null;
  const [stored, setStored] = useState(sessionToken);

  useEffect(() => {
    if (!fromHash) return;
    keepSessionToken(fromHash);
    setStored(fromHash);
    navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [fromHash, location.pathname, location.search, navigate]);

  const set = useCallback((token: string | null) => {
    keepSessionToken(token);
    setStored(token);
  }, []);
  return [fromHash ?? stored, set];
}

export interface StatusResource {
  data: ApplicationStatusView | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** The application behind the token; a reload keeps the last answer on screen until the next arrives. */
export function useApplicationStatus(token: string | null): StatusResource {
  const { locale } = useI18n();
  const [data, setData] = useState<ApplicationStatusView>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(token !== null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    setLoading(true);
    publicApi<ApplicationStatusView>('/api/public/applications/current', { locale, token, signal: controller.signal })
      .then((result) => {
        setData(result);
        setError(null);
      })
      .catch((e: unknown) => !controller.signal.aborted && setError(asApiError(e)))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [token, locale, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}
