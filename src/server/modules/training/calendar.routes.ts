import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';

// Stub: the secret iCalendar feeds of sessions (issue 4).
export const calendarRoutes = (_svc: Services): FastifyPluginAsyncZod => async (_app) => {};
