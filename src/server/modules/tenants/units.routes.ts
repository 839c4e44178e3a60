import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { listOf } from '../../lib/lists.ts';
import { units } from './tenants.tables.ts';

const unitView = z.object({ id: z.string(), name: z.string(), kind: z.enum(['inpatient', 'outpatient', 'social_psychiatry', 'habilitation', 'other']) });

export const unitsRoutes = (_svc: Services): FastifyPluginAsyncZod => async (app) => {
  // The units of one's own tenant are no secret to its staff: forms (a staff introduction's unit) pick from them.
  app.get('/api/units', {
    config: { access: 'authenticated' },
    schema: { tags: ['tenants'], summary: "The units (verksamheter) of your tenant, by name.", response: { 200: listOf(unitView) } },
  }, async (request) => {
    const ctx = request.ctx();
    const items = await ctx.db.select({ id: units.id, name: units.name, kind: units.kind }).from(units).where(eq(units.tenantId, ctx.actor.tenantId)).orderBy(asc(units.name));
    return { items, nextCursor: null };
  });
};
