import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';

// Stub: the set-password and forgot-password routes (issue 4 needs accounts for participants).
export const passwordRoutes = (_svc: Services): FastifyPluginAsyncZod => async (_app) => {};
