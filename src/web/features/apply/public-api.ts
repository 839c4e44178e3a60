import { APPLICATION_TOKEN_HEADER } from '../../../shared/contracts/recruitment.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { ApiError, toApiError } from '../../app/api.ts';

/**
 * Requests of the public application pages. Unlike `api()` they carry the personal link's token,
 * an `Idempotency-Key`, or a multipart body with the letter file.
 */
export interface PublicRequest {
  locale: Locale;
  method?: 'GET' | 'POST' | 'PUT';
  /** JSON body; ignored when `form` is given. */
  body?: unknown;
  form?: FormData;
  token?: string | null;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

async function send(path: string, req: PublicRequest): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': req.locale };
  if (req.token) headers[APPLICATION_TOKEN_HEADER] = req.token;
  if (req.idempotencyKey) headers['Idempotency-Key'] = req.idempotencyKey;
  let body: BodyInit | undefined;
  if (req.form) body = req.form;
  else if (req.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(req.body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method: req.method ?? 'GET', headers, body, credentials: 'omit', signal: req.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

export async function publicApi<T>(path: string, req: PublicRequest): Promise<T> {
  const response = await send(path, req);
  const text = response.status === 204 ? '' : await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Fetches a file with the token in a header (a plain link cannot send one) and hands it to the browser to save. */
export async function downloadFile(path: string, filename: string, req: PublicRequest): Promise<void> {
  const response = await send(path, req);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns; let them finish first.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', '');
}
