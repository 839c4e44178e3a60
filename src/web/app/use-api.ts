import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Page, type RequestOptions } from './api.ts';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', '');
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** Loads one GET resource; reloads when the path changes or `reload` is called. */
export function useResource<T>(path: string | null): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api<T>(path, { signal: controller.signal })
      .then((result) => setData(result))
      .catch((e: unknown) => !isAbort(e) && setError(asApiError(e)))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}

export interface PagedList<T> {
  items: T[];
  error: ApiError | null;
  loading: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/** A cursor-paged list (`{items,nextCursor}`); a new query starts again from the first page. */
export function usePagedList<T>(path: string, query: RequestOptions['query'] = {}, limit = 50): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const queryKey = JSON.stringify(query);

  const fetchPage = useCallback(
    (after: string | null, signal?: AbortSignal) => {
      setLoading(true);
      setError(null);
      const q = { ...(JSON.parse(queryKey) as RequestOptions['query']), limit, cursor: after ?? undefined };
      return api<Page<T>>(path, { query: q, signal })
        .then((page) => {
          setItems((prev) => (after ? [...prev, ...page.items] : page.items));
          setCursor(page.nextCursor);
        })
        .catch((e: unknown) => !isAbort(e) && setError(asApiError(e)))
        .finally(() => !signal?.aborted && setLoading(false));
    },
    [path, queryKey, limit],
  );

  useEffect(() => {
    const controller = new AbortController();
    void fetchPage(null, controller.signal);
    return () => controller.abort();
  }, [fetchPage, version]);

  return {
    items,
    error,
    loading,
    hasMore: cursor !== null,
    loadMore: () => void fetchPage(cursor),
    reload: () => setVersion((v) => v + 1),
  };
}
