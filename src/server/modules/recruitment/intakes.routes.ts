import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { decodeOffset, idParams, listOf, listQuery, pageOf } from '../../lib/lists.ts';
import { funnelView, intakeBody, intakePatch, intakeDefaults as intakeDefaultsView, intakeView } from '../../../shared/contracts/recruitment.ts';
import { createIntake, findIntakes, funnelOf, getIntake, intakeDefaults, updateIntake } from './intakes.service.ts';

const intakesQuery = listQuery.pick({ limit: true, cursor: true }).extend({ status: z.enum(['draft', 'open', 'closed']).optional() });

export const intakesRoutes = (_svc: Services): FastifyPluginAsyncZod => async (app) => {
  // Registered before `/:id` so that "defaults" is never read as an id.
  app.get('/api/intakes/defaults', {
    config: { access: 'intakes.manage' },
    schema: { tags: ['intakes'], summary: 'The default selection criteria and interview questions for a new intake.', response: { 200: intakeDefaultsView } },
  }, async (request) => intakeDefaults(request.ctx()));

  app.get('/api/intakes', {
    config: { access: 'applications.read' },
    schema: { tags: ['intakes'], summary: "List your tenant's intakes with counts per stage.", querystring: intakesQuery, response: { 200: listOf(intakeView) } },
  }, async (request) => {
    const { limit, cursor, status } = request.query;
    const offset = decodeOffset(cursor);
    return pageOf(await findIntakes(request.ctx(), { status, limit, offset }), limit, offset);
  });

  app.post('/api/intakes', {
    config: { access: 'intakes.manage' },
    schema: { tags: ['intakes'], summary: 'Open an intake: course, tracks, deadline, places, criteria and interview questions.', body: intakeBody, response: { 201: intakeView } },
  }, async (request, reply) => reply.code(201).send(await createIntake(request.ctx(), request.body)));

  app.get('/api/intakes/:id', {
    config: { access: 'applications.read' },
    schema: { tags: ['intakes'], params: idParams, response: { 200: intakeView } },
  }, async (request) => getIntake(request.ctx(), request.params.id));

  app.patch('/api/intakes/:id', {
    config: { access: 'intakes.manage' },
    schema: { tags: ['intakes'], summary: 'Change an intake; criteria and questions keep their ids.', params: idParams, body: intakePatch, response: { 200: intakeView } },
  }, async (request) => updateIntake(request.ctx(), request.params.id, request.body));

  app.get('/api/intakes/:id/funnel', {
    config: { access: 'applications.read' },
    schema: { tags: ['intakes'], summary: 'The selection funnel of an intake and the median days from interview to decision.', params: idParams, response: { 200: funnelView } },
  }, async (request) => funnelOf(request.ctx(), request.params.id));
};
