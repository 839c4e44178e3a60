import type { FastifyRequest, FastifySchemaValidationError } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { fileTypeFromBuffer } from 'file-type';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { AppError, fieldError } from '../../lib/errors.ts';
import { publicText } from '../recruitment/public.texts.ts';
import { cleanFilename } from '../recruitment/letter-file.ts';
import { submissionBody, TASK_FILE_MAX_BYTES, taskFileTypes } from '../../../shared/contracts/training-work.ts';

/** A hand-in's file, its type read from its bytes (never from its name). */
export type TaskUpload = { filename: string; mimeType: string; sizeBytes: number; content: Buffer };

export const TASK_FILE_FIELD = 'file';
const TEXT_FIELD = 'text';

/** One file, allowed one byte past the maximum so that an over-size file is noticed rather than cut. */
export const taskMultipartLimits = { fileSize: TASK_FILE_MAX_BYTES + 1, files: 1, fields: 2, parts: 3, fieldSize: 256 * 1024 };

const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', { fields: { [TASK_FILE_FIELD]: { key: 'field.file_too_large', params: { maxMb: TASK_FILE_MAX_BYTES / (1024 * 1024) } } } });

/** The `onFile` handler of @fastify/multipart: the file is checked here and left as a `TaskUpload` (or null). */
export async function onTaskFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
  if (part.fieldname !== TASK_FILE_FIELD) throw fieldError(part.fieldname, 'field.unknown');
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
  if (content.length > TASK_FILE_MAX_BYTES) throw tooLarge();
  const type = await fileTypeFromBuffer(content);
  if (!type || !(taskFileTypes as readonly string[]).includes(type.mime)) {
    const found = type ? type.ext.toUpperCase() : publicText(this.locale, 'file.unknown_type');
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { fields: { [TASK_FILE_FIELD]: { key: 'field.task_file_type', params: { found } } } });
  }
  part.value = { filename: cleanFilename(part.filename, type.ext), mimeType: type.mime, sizeBytes: content.length, content } satisfies TaskUpload;
}

// The route's own validator, run by hand on JSON and multipart bodies alike, so that a bad field is
// answered exactly as on any other route.
const checkShape = validatorCompiler({ schema: submissionBody, method: 'PUT', url: 'submission', httpPart: 'body' });

/** The hand-in's text and file, from a JSON body or the multipart fields `text` and `file`. */
export function handInFromBody(body: unknown, isMultipart: boolean): { text: string; upload: TaskUpload | null } {
  let raw = body ?? {};
  let upload: TaskUpload | null = null;
  if (isMultipart) {
    const fields = raw as Record<string, unknown>;
    for (const name of Object.keys(fields)) {
      if (name !== TEXT_FIELD && name !== TASK_FILE_FIELD) throw fieldError(name, 'field.unknown');
    }
    upload = (fields[TASK_FILE_FIELD] as TaskUpload | null | undefined) ?? null;
    raw = fields[TEXT_FIELD] === undefined ? {} : { text: fields[TEXT_FIELD] };
  }
  const result = checkShape(raw) as { error?: FastifySchemaValidationError[]; value?: { text: string } };
  if (result.error) throw Object.assign(new Error('invalid body'), { validation: result.error, validationContext: 'body' });
  return { text: result.value!.text, upload };
}
