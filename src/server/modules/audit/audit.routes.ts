import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { listOf, listQuery } from '../../lib/lists.ts';
import { auditEventView, auditQuery } from '../../../shared/contracts/audit.ts';
import { auditPage, listAuditEvents } from './audit.repo.ts';
import { can } from '../../../shared/permissions.ts';
import { forbidden } from '../../lib/errors.ts';

export const auditRoutes = (_svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/audit-events', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], summary: 'Search the audit log of your tenant: who did what to which record, when.', querystring: listQuery.extend(auditQuery.shape), response: { 200: listOf(auditEventView) } },
  }, async (request) => {
    const ctx = request.ctx();
    if (!can(ctx.actor.roles, 'audit.read')) throw forbidden();
    const { limit, cursor, ...filter } = request.query;
    const beforeSeq = cursor && /^\d+$/.test(cursor) ? Number(cursor) : undefined;
    return auditPage(await listAuditEvents(ctx.db, ctx.actor.tenantId, { ...filter, limit, beforeSeq }), limit);
  });
};
