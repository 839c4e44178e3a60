import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Keyring } from '../../lib/crypto.ts';
import { fieldError } from '../../lib/errors.ts';
import { checkUpload, uploadFrom, uploadHandler, type Upload, type UploadRule } from '../../lib/uploads.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { LETTER_FILE_MAX_BYTES, letterFileTypes } from '../../../shared/contracts/recruitment.ts';
import { applicationFiles } from './recruitment.tables.ts';
import { publicText } from './public.texts.ts';

/** A letter uploaded with an application, its type read from its bytes (never from its name). */
export type LetterUpload = Upload;

/** The same file as kept: in a pending update's JSON, and (its base64 sealed) in `application_files`. */
export type StoredLetterFile = { filename: string; mimeType: string; sizeBytes: number; base64: string };

export const LETTER_FILE_FIELD = 'letterFile';
const APPLICATION_FIELD = 'application';

const letterRule: UploadRule = {
  field: LETTER_FILE_FIELD,
  maxBytes: LETTER_FILE_MAX_BYTES,
  allowed: letterFileTypes,
  typeReason: 'field.file_type',
  unknownType: (locale) => publicText(locale, 'file.unknown_type'),
  fallbackName: 'letter',
};

/**
 * Limits for the public form's multipart body: one letter file, allowed one byte past the maximum
 * so that an over-size file is noticed rather than silently cut, and room for the application JSON.
 */
export const multipartLimits = { fileSize: LETTER_FILE_MAX_BYTES + 1, files: 1, fields: 4, parts: 5, fieldSize: 1024 * 1024 };

/** The `onFile` handler: a PDF, DOCX or ODT by content, at most 10 MB, left as a `LetterUpload` (or null). */
export const onLetterFile = uploadHandler(letterRule);

/** Accepts a PDF, DOCX or ODT by its content; anything else is a 415 that names what it found. */
export const checkLetterFile = (filename: string, content: Buffer, locale: Locale): Promise<LetterUpload> => checkUpload(letterRule, filename, content, locale);

/** The multipart body (`application` JSON as text, `letterFile`) read into what a JSON body carries. */
export function submissionFromMultipart(body: unknown): { raw: unknown; upload: LetterUpload | null } {
  const fields = (body ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(fields)) {
    if (name !== APPLICATION_FIELD && name !== LETTER_FILE_FIELD) throw fieldError(name, 'field.unknown');
  }
  const application = fields[APPLICATION_FIELD];
  if (application === undefined || application === '') throw fieldError(APPLICATION_FIELD, 'field.required');
  let raw: unknown = application;
  if (typeof application === 'string') {
    try {
      raw = JSON.parse(application);
    } catch {
      throw fieldError(APPLICATION_FIELD, 'field.invalid');
    }
  }
  return { raw, upload: uploadFrom(fields[LETTER_FILE_FIELD], LETTER_FILE_FIELD) };
}

export const storedFileOf = (u: LetterUpload): StoredLetterFile => ({
  filename: u.filename,
  mimeType: u.mimeType,
  sizeBytes: u.sizeBytes,
  base64: u.content.toString('base64'),
});

/** Keeps the application's letter file; a new upload replaces the one before. */
export async function replaceLetterFile(tx: Db, keyring: Keyring, app: { id: string; tenantId: string }, file: StoredLetterFile, now: Date): Promise<void> {
  await tx.delete(applicationFiles).where(eq(applicationFiles.applicationId, app.id));
  await tx.insert(applicationFiles).values({
    tenantId: app.tenantId,
    applicationId: app.id,
    filename: file.filename,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    contentEncrypted: keyring.encrypt(file.base64),
    createdAt: now,
  });
}
