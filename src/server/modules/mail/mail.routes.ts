import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { decodeOffset, listOf, listQuery, pageOf } from '../../lib/lists.ts';
import { emails } from './mail.tables.ts';
import { writeAudit } from '../audit/audit.service.ts';

const emailView = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['queued', 'sent', 'failed', 'outbox']),
  createdAt: z.string(),
});

export const mailRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/outbox', {
    config: { access: 'outbox.read' },
    schema: { tags: ['mail'], summary: 'E-mails of your tenant, newest first (in demo mode: the messages that would have been sent). Audited.', querystring: listQuery.pick({ limit: true, cursor: true }), response: { 200: listOf(emailView) } },
  }, async (request) => {
    const ctx = request.ctx();
    const { limit, cursor } = request.query;
    const offset = decodeOffset(cursor);
    return ctx.db.transaction(async (tx) => {
      const rows = await tx.select().from(emails).where(eq(emails.tenantId, ctx.actor.tenantId)).orderBy(desc(emails.createdAt), desc(emails.id)).limit(limit + 1).offset(offset);
      await writeAudit(tx, { actor: ctx.actor, now: svc.now() }, { action: 'outbox.read', recordType: 'email', details: { count: Math.min(rows.length, limit) } });
      return pageOf(
        rows.map((e) => ({ id: e.id, to: e.toAddress, subject: e.subject, body: svc.keyring.decrypt(e.bodyEncrypted), status: e.status, createdAt: e.createdAt.toISOString() })),
        limit,
        offset,
      );
    });
  });
};
