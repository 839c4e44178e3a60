import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';

// Stub: filled in by the training work (issue 4).
export const recoveryCollegeRoutes = (_svc: Services): FastifyPluginAsyncZod => async (_app) => {};
