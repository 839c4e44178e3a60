import type { FastifySchemaValidationError } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { fieldError } from '../../lib/errors.ts';
import { uploadFrom, uploadHandler, type Upload } from '../../lib/uploads.ts';
import { publicText } from '../recruitment/public.texts.ts';
import { submissionBody, TASK_FILE_MAX_BYTES, taskFileTypes } from '../../../shared/contracts/training-work.ts';

/** A hand-in's file, its type read from its bytes (never from its name). */
export type TaskUpload = Upload;

export const TASK_FILE_FIELD = 'file';
const TEXT_FIELD = 'text';

/** One file, allowed one byte past the maximum so that an over-size file is noticed rather than cut. */
export const taskMultipartLimits = { fileSize: TASK_FILE_MAX_BYTES + 1, files: 1, fields: 2, parts: 3, fieldSize: 256 * 1024 };

/** The `onFile` handler: PDF, DOCX, ODT, JPEG or PNG by content, at most 10 MB, left as a `TaskUpload` (or null). */
export const onTaskFile = uploadHandler({
  field: TASK_FILE_FIELD,
  maxBytes: TASK_FILE_MAX_BYTES,
  allowed: taskFileTypes,
  typeReason: 'field.task_file_type',
  unknownType: (locale) => publicText(locale, 'file.unknown_type'),
  fallbackName: 'file',
});

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
    upload = uploadFrom(fields[TASK_FILE_FIELD], TASK_FILE_FIELD);
    raw = fields[TEXT_FIELD] === undefined ? {} : { text: fields[TEXT_FIELD] };
  }
  const result = checkShape(raw) as { error?: FastifySchemaValidationError[]; value?: { text: string } };
  if (result.error) throw Object.assign(new Error('invalid body'), { validation: result.error, validationContext: 'body' });
  return { text: result.value!.text, upload };
}
