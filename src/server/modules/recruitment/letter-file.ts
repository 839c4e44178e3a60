import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { fileTypeFromBuffer } from 'file-type';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Keyring } from '../../lib/crypto.ts';
import { AppError, fieldError } from '../../lib/errors.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { LETTER_FILE_MAX_BYTES, letterFileTypes } from '../../../shared/contracts/recruitment.ts';
import { applicationFiles } from './recruitment.tables.ts';
import { publicText } from './public.texts.ts';

/** A letter uploaded with an application, its type read from its bytes (never from its name). */
export type LetterUpload = { filename: string; mimeType: string; sizeBytes: number; content: Buffer };

/** The same file as kept: in a pending update's JSON, and (its base64 sealed) in `application_files`. */
export type StoredLetterFile = { filename: string; mimeType: string; sizeBytes: number; base64: string };

export const LETTER_FILE_FIELD = 'letterFile';
const APPLICATION_FIELD = 'application';

/**
 * Limits for the public form's multipart body: one letter file, allowed one byte past the maximum
 * so that an over-size file is noticed rather than silently cut, and room for the application JSON.
 */
export const multipartLimits = { fileSize: LETTER_FILE_MAX_BYTES + 1, files: 1, fields: 4, parts: 5, fieldSize: 1024 * 1024 };

const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', { fields: { [LETTER_FILE_FIELD]: { key: 'field.file_too_large', params: { maxMb: LETTER_FILE_MAX_BYTES / (1024 * 1024) } } } });

/**
 * The `onFile` handler of @fastify/multipart: reads the letter into memory, refuses it when too big
 * or not a PDF, DOCX or ODT by content, and leaves a `LetterUpload` (or null) as the body's value.
 */
export async function onLetterFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
  if (part.fieldname !== LETTER_FILE_FIELD) throw fieldError(part.fieldname, 'field.unknown');
  let content: Buffer;
  try {
    content = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  // A browser form sent without a chosen file still carries an empty, nameless file part.
  if (content.length === 0 && !part.filename) {
    part.value = null;
    return;
  }
  if (content.length > LETTER_FILE_MAX_BYTES) throw tooLarge();
  part.value = await checkLetterFile(part.filename, content, this.locale);
}

/** Accepts a PDF, DOCX or ODT by its content; anything else is a 415 that names what it found. */
export async function checkLetterFile(filename: string, content: Buffer, locale: Locale): Promise<LetterUpload> {
  const type = await fileTypeFromBuffer(content);
  if (!type || !(letterFileTypes as readonly string[]).includes(type.mime)) {
    const found = type ? type.ext.toUpperCase() : publicText(locale, 'file.unknown_type');
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { fields: { [LETTER_FILE_FIELD]: { key: 'field.file_type', params: { found } } } });
  }
  return { filename: cleanFilename(filename, type.ext), mimeType: type.mime, sizeBytes: content.length, content };
}

/** The name shown to the team: no path or control characters, and the extension of what it really is. */
export function cleanFilename(name: string, ext: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 150);
  if (!base) return `letter.${ext}`;
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
}

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
  return { raw, upload: (fields[LETTER_FILE_FIELD] as LetterUpload | null | undefined) ?? null };
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
