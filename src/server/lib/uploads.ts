import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { fileTypeFromBuffer } from 'file-type';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { ServerTextKey } from '../../shared/i18n/errors.ts';
import { AppError, fieldError } from './errors.ts';

/** An uploaded file, its type read from its bytes (never from its name). */
export type Upload = { filename: string; mimeType: string; sizeBytes: number; content: Buffer };

/**
 * Marks what the file handler made. @fastify/multipart parses a text field sent as
 * `application/json` into an object, so a body value shaped like an upload proves nothing; only a
 * value carrying this mark (which no JSON can) came through `checkUpload`.
 */
const checked = new WeakSet<object>();

/** The body's value for a file field: the checked upload, null when none was sent, else a field error. */
export function uploadFrom(value: unknown, field: string): Upload | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && checked.has(value)) return value as Upload;
  throw fieldError(field, 'field.invalid');
}

export type UploadRule = {
  /** The multipart field that carries the file; any other file field is refused. */
  field: string;
  maxBytes: number;
  /** MIME types accepted, as `file-type` reports them. */
  allowed: readonly string[];
  /** The field reason for a refused type; it takes `{found}`. */
  typeReason: ServerTextKey;
  /** How to name a type `file-type` does not know, in the uploader's language. */
  unknownType: (locale: Locale) => string;
  /** The name a nameless file gets, before its real extension. */
  fallbackName: string;
};

/**
 * The `onFile` handler of @fastify/multipart for one file field: reads the file into memory, refuses
 * it when too big (413) or of a type not allowed by its content (415, naming what it is), and leaves
 * an `Upload` (or null when no file was chosen) as the body's value. Register the route's multipart
 * limits with `fileSize: maxBytes + 1`, so that an over-size file is noticed rather than cut.
 */
export function uploadHandler(rule: UploadRule) {
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', { fields: { [rule.field]: { key: 'field.file_too_large', params: { maxMb: rule.maxBytes / (1024 * 1024) } } } });
  return async function onFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
    if (part.fieldname !== rule.field) throw fieldError(part.fieldname, 'field.unknown');
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
    if (content.length > rule.maxBytes) throw tooLarge();
    part.value = await checkUpload(rule, part.filename, content, this.locale);
  };
}

/** Accepts a file by its content; anything else is a 415 that names what it found. */
export async function checkUpload(rule: UploadRule, filename: string, content: Buffer, locale: Locale): Promise<Upload> {
  const type = await fileTypeFromBuffer(content);
  if (!type || !rule.allowed.includes(type.mime)) {
    const found = type ? type.ext.toUpperCase() : rule.unknownType(locale);
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { fields: { [rule.field]: { key: rule.typeReason, params: { found } } } });
  }
  const upload: Upload = { filename: cleanFilename(filename, type.ext, rule.fallbackName), mimeType: type.mime, sizeBytes: content.length, content };
  checked.add(upload);
  return upload;
}

/** The name shown to others: no path or control characters, and the extension of what it really is. */
export function cleanFilename(name: string, ext: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 150);
  if (!base) return `${fallback}.${ext}`;
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
}
