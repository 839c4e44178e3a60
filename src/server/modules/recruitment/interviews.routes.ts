import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { idParams, listOf } from '../../lib/lists.ts';
import {
  APPLICATION_TOKEN_HEADER,
  assignInterviewBody,
  bookSlotBody,
  interviewerView,
  myInterviewsQuery,
  myInterviewView,
  scoreBody,
  scoreView,
  slotBody,
  slotsQuery,
  slotView,
  teamSlotView,
} from '../../../shared/contracts/recruitment.ts';
import { tokenFromRequest } from './application-token.ts';
import { assignInterview, bookInterview, createSlot, deleteSlot, findInterviewers, findMyInterviews, findSlots } from './interviews.service.ts';
import { scoreInterview } from './interview-scores.service.ts';

const assignedInterview = z.object({ id: z.string(), applicationId: z.string(), slot: slotView });
const tokenHeaders = z.object({ [APPLICATION_TOKEN_HEADER]: z.string().optional() });

export const interviewsRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/interview-slots', {
    config: { access: 'applications.read' },
    schema: { tags: ['interviews'], summary: 'The interview slots of an intake, by start time, with who booked each.', querystring: slotsQuery, response: { 200: listOf(teamSlotView) } },
  }, async (request) => ({ items: await findSlots(request.ctx(), request.query.intakeId), nextCursor: null }));

  app.post('/api/interview-slots', {
    config: { access: 'intakes.manage' },
    schema: { tags: ['interviews'], summary: 'Publish an interview slot (on site or by video) with its interviewers.', body: slotBody, response: { 201: teamSlotView } },
  }, async (request, reply) => reply.code(201).send(await createSlot(request.ctx(), request.body)));

  // Before the `/:id` routes, so that "interviewers" is never read as an id.
  app.get('/api/interview-slots/interviewers', {
    config: { access: 'applications.read' },
    schema: { tags: ['interviews'], summary: 'Who can interview: the active training team of your tenant.', response: { 200: z.object({ items: z.array(interviewerView) }) } },
  }, async (request) => ({ items: await findInterviewers(request.ctx()) }));

  app.delete('/api/interview-slots/:id', {
    config: { access: 'intakes.manage' },
    schema: { tags: ['interviews'], summary: 'Remove a slot; a booked applicant is told and may pick a new time.', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteSlot(request.ctx(), request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/api/interviews', {
    config: { access: 'applications.review' },
    schema: { tags: ['interviews'], summary: 'Assign an invited applicant to a slot, or move their interview.', body: assignInterviewBody, response: { 201: assignedInterview } },
  }, async (request, reply) => reply.code(201).send(await assignInterview(request.ctx(), request.body)));

  app.get('/api/interviews', {
    config: { access: 'applications.review' },
    schema: { tags: ['interviews'], summary: 'The interviews you are an interviewer in, soonest first.', querystring: myInterviewsQuery, response: { 200: listOf(myInterviewView) } },
  }, async (request) => ({ items: await findMyInterviews(request.ctx(), request.query), nextCursor: null }));

  app.post('/api/interviews/:id/scores', {
    config: { access: 'applications.review' },
    schema: {
      tags: ['interviews'],
      summary: 'Save your own scores for an interview (draft or submitted); others\' scores are never shown here.',
      params: idParams,
      body: scoreBody,
      response: { 200: scoreView },
    },
  }, async (request) => scoreInterview(request.ctx(), request.params.id, request.body));

  app.put('/api/public/applications/current/interview', {
    config: { access: 'public', rateLimit: { max: svc.config.rateLimitPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['interviews'],
      summary: 'The applicant books or moves their interview (personal link token in X-Application-Token).',
      headers: tokenHeaders,
      body: bookSlotBody,
      response: { 204: z.null() },
    },
  }, async (request, reply) => {
    await bookInterview(svc, tokenFromRequest(request), request.body.slotId);
    return reply.code(204).send(null);
  });
};
