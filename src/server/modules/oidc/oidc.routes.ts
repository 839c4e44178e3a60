import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { oidcProviders } from './oidc.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';

export const oidcRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/public/sign-in-options', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Organisations whose users can sign in through their own identity provider (OIDC).',
      response: { 200: z.object({ items: z.array(z.object({ tenantName: z.string(), displayName: z.string(), startUrl: z.string() })) }) },
    },
  }, async () => {
    const rows = await svc.db
      .select({ slug: tenants.slug, tenantName: tenants.name, displayName: oidcProviders.displayName })
      .from(oidcProviders)
      .innerJoin(tenants, eq(tenants.id, oidcProviders.tenantId))
      .where(eq(oidcProviders.enabled, true));
    return { items: rows.map((r) => ({ tenantName: r.tenantName, displayName: r.displayName, startUrl: `/api/auth/oidc/${r.slug}/start` })) };
  });
};
