import type { Locale } from '../../shared/i18n/locale.ts';

/** Field name → translated reason, as the API sends it. */
export type FieldErrors = Record<string, string>;

/** The one error type of the web app: what the API said, already translated for the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

let currentLocale: Locale = 'sv';
let onUnauthorized: () => void = () => {
  window.location.assign('/sign-in');
};

/** The locale every request asks for in Accept-Language; kept in step by the i18n provider. */
export function setApiLocale(locale: Locale): void {
  currentLocale = locale;
}

/** Lets the auth provider decide how to send a signed-out user to the sign-in page. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Query parameters; empty strings and undefined are left out. */
  query?: Record<string, string | number | undefined | null>;
  /** Off for calls where 401 is an expected answer (sign-in, "who am I?"). */
  redirectOn401?: boolean;
  signal?: AbortSignal;
}

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Fetches JSON from the API; throws ApiError for any non-2xx answer. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, redirectOn401 = true, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '');
  }

  if (response.status === 401 && redirectOn401) onUnauthorized();
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The error an answer carries, in the API's one error shape. */
export async function toApiError(response: Response): Promise<ApiError> {
  try {
    const data = (await response.json()) as { error?: { code?: string; message?: string; fields?: FieldErrors } };
    const e = data.error ?? {};
    return new ApiError(response.status, e.code ?? 'INTERNAL', e.message ?? '', e.fields ?? {});
  } catch {
    return new ApiError(response.status, 'INTERNAL', '');
  }
}
