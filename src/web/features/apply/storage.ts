/**
 * What the applicant's browser keeps between visits. Storage can be full or switched off (private
 * windows); then the pages still work, only without drafts and remembered links.
 */

const draftKey = (intakeId: string) => `pb.apply.draft.${intakeId}`;
const deviceTokenKey = (intakeId: string) => `pb.apply.token.${intakeId}`;
const sessionTokenKey = 'pb.application.token';

function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    /* storage unavailable: nothing is kept */
  }
}

export function readDraft(intakeId: string): unknown {
  const raw = read(localStorage, draftKey(intakeId));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

export function writeDraft(intakeId: string, draft: unknown): void {
  write(localStorage, draftKey(intakeId), draft === null ? null : JSON.stringify(draft));
}

/** The status token of the application sent from this device, so a later submission updates it at once. */
export function deviceToken(intakeId: string): string | null {
  return read(localStorage, deviceTokenKey(intakeId));
}

export function keepDeviceToken(intakeId: string, token: string): void {
  write(localStorage, deviceTokenKey(intakeId), token);
}

/** The personal link's token for this tab only: it leaves the address bar, and the tab forgets it when closed. */
export function sessionToken(): string | null {
  return read(sessionStorage, sessionTokenKey);
}

export function keepSessionToken(token: string | null): void {
  write(sessionStorage, sessionTokenKey, token);
}

/** A fresh key for one submission; `crypto.randomUUID` needs a secure context, this does not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
