import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import type { Services } from '../../context.ts';
import { listOf } from '../../lib/lists.ts';
import {
  applicationStatusView,
  applicationSubmission,
  confirmUpdateBody,
  confirmUpdateResult,
  exportQuery,
  LETTER_FILE_MAX_BYTES,
  publicIntakesQuery,
  publicIntakeView,
  submissionResult,
} from '../../../shared/contracts/recruitment.ts';
import { tokenFromRequest } from './application-token.ts';
import { applicationExport, renderExportPdf } from './application-export.ts';
import { multipartLimits, onLetterFile } from './letter-file.ts';
import { confirmPendingUpdate, findOpenIntakes, getPublicIntake, publicIntakeViewOf, submitApplication } from './public-applications.service.ts';
import { eraseApplication, exportApplication, readStatus, resendLinks, withdrawApplication } from './public-status.service.ts';

const intakeParams = z.object({ intakeId: z.uuid() });
const resendLinkBody = z.object({ email: z.email().max(320) }).strict();
const outcomeStatus = { created: 201, updated: 200, update_pending: 202 } as const;

/**
 * The public side of applying, used without an account: open intakes, the application form (JSON,
 * or multipart with the letter as a file), and the status page's routes, which the personal link's
 * token in `X-Application-Token` authorises.
 */
export const publicApplicationsRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  // Only the form's route takes multipart; the parser stays inside this plugin.
  await app.register(multipart, { attachFieldsToBody: 'keyValues', onFile: onLetterFile, limits: multipartLimits });
  // The application body is validated in the use case, JSON and multipart alike, so that shape and
  // rule errors come from one place; its route schema still documents the JSON form.
  app.setValidatorCompiler<$ZodType>((route) =>
    route.httpPart === 'body' && route.schema === applicationSubmission ? (data: unknown) => ({ value: data }) : validatorCompiler(route),
  );
  const config = { access: 'public' as const, rateLimit: { max: svc.config.rateLimitPerMinute, timeWindow: '1 minute' } };

  app.get('/api/public/intakes', {
    config,
    schema: { tags: ['public'], summary: 'Open intakes, soonest deadline first; `?tenant=<slug>` for one organisation.', querystring: publicIntakesQuery, response: { 200: listOf(publicIntakeView) } },
  }, async (request) => ({ items: await findOpenIntakes(svc, request.query.tenant), nextCursor: null }));

  app.get('/api/public/intakes/:intakeId', {
    config,
    schema: { tags: ['public'], summary: 'One published intake (open or closed), with its criteria and consent version.', params: intakeParams, response: { 200: publicIntakeView } },
  }, async (request) => {
    const { intake, tenant } = await getPublicIntake(svc.db, request.params.intakeId);
    return publicIntakeViewOf(intake, tenant, svc.now());
  });

  app.post('/api/public/intakes/:intakeId/applications', {
    config,
    bodyLimit: LETTER_FILE_MAX_BYTES + 1024 * 1024,
    schema: {
      tags: ['public'],
      summary: 'Apply: 201 created, 200 updated (with the status token), 202 waiting for confirmation by e-mail.',
      description: 'JSON, or multipart/form-data with the field `application` (this JSON as text) and the file `letterFile` (PDF, DOCX or ODT, at most 10 MB). Takes `Idempotency-Key`.',
      consumes: ['application/json', 'multipart/form-data'],
      params: intakeParams,
      body: applicationSubmission,
      response: { 200: submissionResult, 201: submissionResult, 202: submissionResult },
    },
  }, async (request, reply) => {
    const result = await submitApplication(svc, {
      intakeId: request.params.intakeId,
      body: request.body as unknown,
      isMultipart: request.isMultipart(),
      token: tokenFromRequest(request),
    });
    return reply.code(outcomeStatus[result.outcome]).send(result);
  });

  app.post('/api/public/applications/confirm-update', {
    config,
    schema: { tags: ['public'], summary: 'Apply a change held for confirmation; answers the new status link.', body: confirmUpdateBody, response: { 200: confirmUpdateResult } },
  }, async (request) => confirmPendingUpdate(svc, request.body.token));

  app.get('/api/public/applications/current', {
    config,
    schema: { tags: ['public'], summary: 'The status page: stage, timeline, interview, slots to pick, decision. Audited.', response: { 200: applicationStatusView } },
  }, async (request) => readStatus(svc, tokenFromRequest(request)));

  app.post('/api/public/applications/current/withdraw', {
    config,
    schema: { tags: ['public'], summary: 'Withdraw the application; everything is deleted after the retention time.', response: { 200: applicationStatusView } },
  }, async (request) => withdrawApplication(svc, tokenFromRequest(request)));

  app.get('/api/public/applications/current/export', {
    config,
    schema: {
      tags: ['public'],
      summary: 'Everything held about the application, as JSON or PDF. Audited.',
      querystring: exportQuery,
      response: { 200: { content: { 'application/json': { schema: applicationExport }, 'application/pdf': { schema: z.string().describe('A4 PDF') } } } },
    },
  }, async (request, reply) => {
    const data = await exportApplication(svc, tokenFromRequest(request));
    const format = request.query.format;
    reply.header('Content-Disposition', `attachment; filename="peerbridge-${data.reference}.${format}"`);
    if (format === 'json') return data;
    const pdf = await renderExportPdf(data);
    // A Buffer is sent as it is: no serializer reads it, whatever the response type says.
    return reply.type('application/pdf').send(pdf as unknown as string);
  });

  app.post('/api/public/applications/current/erase', {
    config,
    schema: { tags: ['public'], summary: 'Erase the application and everything in it now.', response: { 204: z.null() } },
  }, async (request, reply) => {
    await eraseApplication(svc, tokenFromRequest(request));
    return reply.code(204).send(null);
  });

  app.post('/api/public/applications/resend-link', {
    config,
    schema: { tags: ['public'], summary: 'E-mail the personal links of the applications made with this address.', body: resendLinkBody, response: { 202: z.object({ sent: z.literal(true) }) } },
  }, async (request, reply) => {
    await resendLinks(svc, request.body.email);
    return reply.code(202).send({ sent: true as const });
  });
};
