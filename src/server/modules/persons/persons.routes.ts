import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { decodeOffset, idParams, listOf, listQuery, pageOf } from '../../lib/lists.ts';
import { accessLogEntry, personSummary, personView } from '../../../shared/contracts/persons.ts';
import { accessLogOf, erasePerson, exportPerson, findPersons, readPerson } from './persons.service.ts';
import { auditPage } from '../audit/audit.repo.ts';

const pageQuery = listQuery.pick({ limit: true, cursor: true });
const beforeSeqOf = (cursor?: string) => (cursor && /^\d+$/.test(cursor) ? Number(cursor) : undefined);

export const personsRoutes = (_svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/persons', {
    config: { access: 'persons.read' },
    schema: { tags: ['persons'], summary: 'Search the persons of your tenant.', querystring: listQuery, response: { 200: listOf(personSummary) } },
  }, async (request) => {
    const { limit, cursor, q } = request.query;
    const offset = decodeOffset(cursor);
    return pageOf(await findPersons(request.ctx(), { q, limit, offset }), limit, offset);
  });

  app.get('/api/persons/:id', {
    config: { access: 'persons.read' },
    schema: { tags: ['persons'], summary: 'Read a person, with their notes. Audited.', params: idParams, response: { 200: personView } },
  }, async (request) => readPerson(request.ctx(), request.params.id));

  app.get('/api/persons/:id/access-log', {
    config: { access: 'audit.read' },
    schema: { tags: ['persons'], summary: 'Who has read this person\'s data?', params: idParams, querystring: pageQuery, response: { 200: listOf(accessLogEntry) } },
  }, async (request) => {
    const { limit, cursor } = request.query;
    return auditPage(await accessLogOf(request.ctx(), request.params.id, { limit, beforeSeq: beforeSeqOf(cursor) }), limit);
  });

  app.get('/api/persons/:id/export', {
    config: { access: 'persons.manage' },
    schema: { tags: ['persons'], summary: 'All data held about a person, as JSON. Audited.', params: idParams, response: { 200: z.record(z.string(), z.unknown()) } },
  }, async (request, reply) => {
    reply.header('Content-Disposition', `attachment; filename="person-${request.params.id}.json"`);
    return exportPerson(request.ctx(), request.params.id);
  });

  app.post('/api/persons/:id/erase', {
    config: { access: 'persons.manage' },
    schema: { tags: ['persons'], summary: 'Erase a person and everything held about them.', params: idParams, response: { 200: z.object({ erased: z.record(z.string(), z.number()) }) } },
  }, async (request) => erasePerson(request.ctx(), request.params.id));

  app.get('/api/me/access-log', {
    config: { access: 'profile.own' },
    schema: { tags: ['persons'], summary: 'Who has read my data?', querystring: pageQuery, response: { 200: listOf(accessLogEntry) } },
  }, async (request) => {
    const ctx = request.ctx();
    const { limit, cursor } = request.query;
    return auditPage(await accessLogOf(ctx, ctx.actor.personId, { limit, beforeSeq: beforeSeqOf(cursor) }), limit);
  });

  app.get('/api/me/export', {
    config: { access: 'profile.own' },
    schema: { tags: ['persons'], summary: 'All data held about me, as JSON.', response: { 200: z.record(z.string(), z.unknown()) } },
  }, async (request, reply) => {
    const ctx = request.ctx();
    reply.header('Content-Disposition', 'attachment; filename="my-data.json"');
    return exportPerson(ctx, ctx.actor.personId);
  });
};
