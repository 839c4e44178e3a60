import type { Locale } from '../../../shared/i18n/locale.ts';
import { ApiError, toApiError } from '../../app/api.ts';

/**
 * A multipart request as the signed-in user: `api()` sends JSON only, and a hand-in may carry a file.
 * The browser sets the boundary itself, so no Content-Type is given.
 */
export async function sendForm<T>(path: string, form: FormData, locale: Locale, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method, headers: { Accept: 'application/json', 'Accept-Language': locale }, body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}
