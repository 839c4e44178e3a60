import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { decodeOffset, idParams, listOf, listQuery, pageOf } from '../../lib/lists.ts';
import {
  applicationDetail,
  applicationSummary,
  applicationsQuery,
  assessBody,
  bulkMoveBody,
  bulkMoveResult,
  decideBody,
  decisionDraft,
  decisionDraftQuery,
  inviteBody,
} from '../../../shared/contracts/recruitment.ts';
import { assessApplication, bulkMove, findApplications, inviteApplication, readApplication, readLetterFile } from './applications.service.ts';
import { decideApplication, draftDecision, withdrawApplication } from './decisions.service.ts';

const contentDisposition = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\w.-]+/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

export const applicationsRoutes = (_svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/applications', {
    config: { access: 'applications.read' },
    schema: {
      tags: ['applications'],
      summary: 'The selection pipeline: filter by intake, stage, track or overdue decision; `q` searches name, e-mail, reference and municipality.',
      querystring: listQuery.extend(applicationsQuery.shape),
      response: { 200: listOf(applicationSummary) },
    },
  }, async (request) => {
    const { limit, cursor, overdue, ...filter } = request.query;
    const offset = decodeOffset(cursor);
    const items = await findApplications(request.ctx(), { ...filter, overdue: overdue === undefined ? undefined : overdue === 'true', limit, offset });
    return pageOf(items, limit, offset);
  });

  app.post('/api/applications/bulk-move', {
    config: { access: 'applications.review' },
    schema: { tags: ['applications'], summary: 'Move many applications into review, or invite them to interview (each gets an e-mail).', body: bulkMoveBody, response: { 200: bulkMoveResult } },
  }, async (request) => bulkMove(request.ctx(), request.body));

  app.get('/api/applications/:id', {
    config: { access: 'applications.read' },
    schema: { tags: ['applications'], summary: 'An application with its letter and assessments. Audited.', params: idParams, response: { 200: applicationDetail } },
  }, async (request) => readApplication(request.ctx(), request.params.id));

  app.get('/api/applications/:id/letter-file', {
    config: { access: 'applications.read' },
    schema: {
      tags: ['applications'],
      summary: 'The uploaded letter file. Audited.',
      params: idParams,
      response: { 200: z.any().describe('The file (PDF, DOCX or ODT)') },
    },
  }, async (request, reply) => {
    const file = await readLetterFile(request.ctx(), request.params.id);
    return reply.type(file.mimeType).header('Content-Disposition', contentDisposition(file.filename)).header('Cache-Control', 'no-store').send(file.bytes);
  });

  app.post('/api/applications/:id/assess', {
    config: { access: 'applications.review' },
    schema: {
      tags: ['applications'],
      summary: "Save or submit your own assessment against the intake's criteria.",
      params: idParams,
      body: assessBody,
      response: { 200: applicationDetail.shape.reviews },
    },
  }, async (request) => assessApplication(request.ctx(), request.params.id, request.body));

  app.post('/api/applications/:id/invite', {
    config: { access: 'applications.review' },
    schema: {
      tags: ['applications'],
      summary: 'Invite the applicant to pick an interview time, or book `slotId` for them.',
      params: idParams,
      body: inviteBody.optional(),
      response: { 200: applicationDetail },
    },
  }, async (request) => inviteApplication(request.ctx(), request.params.id, request.body?.slotId));

  app.get('/api/applications/:id/decision-draft', {
    config: { access: 'applications.decide' },
    schema: { tags: ['applications'], summary: "A decision letter to edit, in the applicant's language.", params: idParams, querystring: decisionDraftQuery, response: { 200: decisionDraft } },
  }, async (request) => draftDecision(request.ctx(), request.params.id, request.query.decision));

  app.post('/api/applications/:id/decide', {
    config: { access: 'applications.decide' },
    schema: { tags: ['applications'], summary: 'Admit, waitlist or decline, and e-mail the letter.', params: idParams, body: decideBody, response: { 200: applicationDetail } },
  }, async (request) => decideApplication(request.ctx(), request.params.id, request.body));

  app.post('/api/applications/:id/withdraw', {
    config: { access: 'applications.decide' },
    schema: { tags: ['applications'], summary: 'Record that the applicant withdrew (e.g. by phone).', params: idParams, response: { 200: applicationDetail } },
  }, async (request) => withdrawApplication(request.ctx(), request.params.id));
};
