import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { idParams, listOf } from '../../lib/lists.ts';
import { notFound } from '../../lib/errors.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { apiTokens } from './tokens.tables.ts';
import { TOKEN_PREFIX } from '../auth/auth.service.ts';
import { writeAudit } from '../audit/audit.service.ts';

const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toView = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  expiresAt: iso(t.expiresAt),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});

export const tokensRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/api-tokens', {
    config: { access: 'api_tokens.own' },
    schema: { tags: ['api-tokens'], summary: 'Your personal API tokens.', response: { 200: listOf(tokenView) } },
  }, async (request) => {
    const { actor } = request.ctx();
    const rows = await svc.db.select().from(apiTokens).where(eq(apiTokens.userId, actor.userId)).orderBy(desc(apiTokens.createdAt));
    return { items: rows.map(toView), nextCursor: null };
  });

  app.post('/api/api-tokens', {
    config: { access: 'api_tokens.own' },
    schema: {
      tags: ['api-tokens'],
      summary: 'Create a personal API token for an integration. The token is shown once.',
      body: z.object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(730).optional() }).strict(),
      response: { 201: tokenView.extend({ token: z.string() }) },
    },
  }, async (request, reply) => {
    const { actor } = request.ctx();
    const now = svc.now();
    const token = TOKEN_PREFIX + randomToken();
    const row = await svc.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(apiTokens)
        .values({
          tenantId: actor.tenantId,
          userId: actor.userId,
          name: request.body.name,
          tokenHash: sha256Hex(token),
          prefix: token.slice(0, 10),
          createdAt: now,
          expiresAt: request.body.expiresInDays ? new Date(now.getTime() + request.body.expiresInDays * 86_400_000) : null,
        })
        .returning();
      await writeAudit(tx, { actor, now }, { action: 'api_token.create', recordType: 'api_token', recordId: created!.id, subjectPersonId: actor.personId });
      return created!;
    });
    return reply.code(201).send({ ...toView(row), token });
  });

  app.post('/api/api-tokens/:id/revoke', {
    config: { access: 'api_tokens.own' },
    schema: { tags: ['api-tokens'], summary: 'Revoke one of your API tokens; it stops working at once.', params: idParams, response: { 200: tokenView } },
  }, async (request) => {
    const { actor } = request.ctx();
    const now = svc.now();
    const row = await svc.db.transaction(async (tx) => {
      const [revoked] = await tx
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.id, request.params.id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
        .returning();
      if (!revoked) throw notFound();
      await writeAudit(tx, { actor, now }, { action: 'api_token.revoke', recordType: 'api_token', recordId: revoked.id, subjectPersonId: actor.personId });
      return revoked;
    });
    svc.sessions.delete(`t:${row.tokenHash}`);
    svc.sessions.revokeUser(actor.userId);
    return toView(row);
  });
};
