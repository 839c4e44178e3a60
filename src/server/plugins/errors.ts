import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodFastifySchemaValidationError } from 'fastify-type-provider-zod';
import { AppError, type FieldReason } from '../lib/errors.ts';
import { serverText } from '../../shared/i18n/errors.ts';
import { negotiateLocale } from '../../shared/i18n/locale.ts';

/** The one place that turns errors into the API's error shape, translated per Accept-Language. */
export function registerErrorHandling(app: FastifyInstance): void {
  // First hook of all, so that even an overload answer speaks the caller's language.
  app.decorateRequest('locale', 'sv');
  app.addHook('onRequest', async (request) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      // A malformed id in the path is a record that does not exist, not a form to correct.
      if (error.validationContext === 'params') return sendError(request, reply, new AppError('NOT_FOUND'));
      return sendError(request, reply, new AppError('VALIDATION_FAILED', { fields: fieldsFromZod(error.validation) }));
    }
    if (error instanceof AppError) return sendError(request, reply, error);
    if (error.statusCode === 429) return sendError(request, reply, new AppError('RATE_LIMITED'));
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') return sendError(request, reply, new AppError('PAYLOAD_TOO_LARGE'));
    if (error.statusCode === 415) return sendError(request, reply, new AppError('UNSUPPORTED_MEDIA_TYPE'));
    if (error.statusCode === 400 && error.code?.startsWith('FST_ERR_CTP')) {
      return sendError(request, reply, new AppError('VALIDATION_FAILED', { fields: { body: { key: 'field.invalid_type' } } }));
    }
    if (error.statusCode === 404) return sendError(request, reply, new AppError('NOT_FOUND'));
    request.log.error({ err: { type: error.name, code: error.code, message: error.message, stack: error.stack } }, 'request failed');
    return sendError(request, reply, new AppError('INTERNAL'));
  });

  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('NOT_FOUND')));
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = request.locale;
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([f, r]) => [f, serverText(locale, r.key, r.params)]))
    : undefined;
  if (error.retryAfterSeconds) reply.header('Retry-After', String(error.retryAfterSeconds));
  return reply
    .code(error.status)
    .type('application/json; charset=utf-8')
    .send({ error: { code: error.code, message: serverText(locale, `error.${error.code}`), ...(fields ? { fields } : {}) } });
}

function fieldsFromZod(issues: ZodFastifySchemaValidationError[]): Record<string, FieldReason> {
  const fields: Record<string, FieldReason> = {};
  for (const issue of issues) {
    const params = issue.params as Record<string, unknown>;
    if (issue.keyword === 'unrecognized_keys') {
      for (const key of (params.keys as string[] | undefined) ?? []) fields[key] ??= { key: 'field.unknown' };
      continue;
    }
    const field = issue.instancePath.replace(/^\//, '').split('/').filter((p) => !/^\d+$/.test(p)).join('.') || 'body';
    fields[field] ??= reasonOf(issue.keyword, params);
  }
  return fields;
}

function reasonOf(code: string, params: Record<string, unknown>): FieldReason {
  switch (code) {
    case 'invalid_type':
      return params.input === undefined || params.input === null ? { key: 'field.required' } : { key: 'field.invalid_type' };
    case 'invalid_format':
      return params.format === 'email' ? { key: 'field.invalid_email' } : { key: 'field.invalid' };
    case 'too_small':
      if (params.origin === 'string') {
        return Number(params.minimum) <= 1 ? { key: 'field.required' } : { key: 'field.too_short', params: { min: Number(params.minimum) } };
      }
      if (params.origin === 'array' && Number(params.minimum) <= 1) return { key: 'field.required' };
      return { key: 'field.invalid' };
    case 'too_big':
      return params.origin === 'string' ? { key: 'field.too_long', params: { max: Number(params.maximum) } } : { key: 'field.invalid' };
    case 'invalid_value':
    case 'invalid_enum_value':
      return { key: 'field.invalid_value' };
    default:
      return { key: 'field.invalid' };
  }
}
