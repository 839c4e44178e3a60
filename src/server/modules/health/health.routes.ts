import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';

export const healthRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: 'Is the app up and does its database answer?',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
    },
  }, async () => {
    try {
      await svc.db.execute(sql`select 1`);
    } catch (err) {
      throw new AppError('OVERLOADED', { cause: err, retryAfterSeconds: 5 });
    }
    return { status: 'ok' as const, database: svc.database.kind };
  });
};
