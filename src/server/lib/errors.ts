import type { ServerTextKey } from '../../shared/i18n/errors.ts';

/** The closed set of error codes; the HTTP status of each is decided here and nowhere else. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  LAST_ADMIN: 409,
  INTAKE_CLOSED: 409,
  SLOT_TAKEN: 409,
  WRONG_STAGE: 409,
  OFFER_TAKEN: 409,
  OFFER_CLOSED: 409,
  DOUBLE_BOOKED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  ACCOUNT_THROTTLED: 429,
  OIDC_FAILED: 400,
  INTERNAL: 500,
  OVERLOADED: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** A field error: the key of a reason text and its parameters, translated when the answer is written. */
export type FieldReason = { key: ServerTextKey; params?: Record<string, string | number> };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, FieldReason> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, opts: { fields?: Record<string, FieldReason>; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(code, { cause: opts.cause });
    this.code = code;
    this.fields = opts.fields;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const fieldError = (field: string, key: ServerTextKey, params?: Record<string, string | number>) =>
  new AppError('VALIDATION_FAILED', { fields: { [field]: { key, params } } });
