import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';

// Stub: filled in by the recruitment work (issue 3).
export const interviewsRoutes = (_svc: Services): FastifyPluginAsyncZod => async (_app) => {};
