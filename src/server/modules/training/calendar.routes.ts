import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { calendarFeedView } from '../../../shared/contracts/training.ts';
import { calendarFeedIcs, createCalendarFeed, revokeCalendarFeed } from './calendar.service.ts';

/** The secret is in the path because calendar apps subscribe by URL alone; request logs never carry URLs. */
const feedParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export const calendarRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/calendar-feed', {
    config: { access: 'authenticated' },
    schema: { tags: ['training'], summary: 'A new secret iCalendar URL of my sessions; any earlier one stops working.', response: { 201: calendarFeedView } },
  }, async (request, reply) => reply.code(201).send(await createCalendarFeed(request.ctx())));

  app.delete('/api/calendar-feed', {
    config: { access: 'authenticated' },
    schema: { tags: ['training'], summary: 'Stop my calendar feed.', response: { 204: z.null() } },
  }, async (request, reply) => {
    await revokeCalendarFeed(request.ctx());
    return reply.code(204).send(null);
  });

  app.get('/api/public/calendar/:token.ics', {
    config: { access: 'public', rateLimit: { max: svc.config.rateLimitPerMinute, timeWindow: '1 minute' } },
    schema: { tags: ['training'], summary: 'The iCalendar feed behind a secret token: sessions from 30 days back.', params: feedParams, response: { 200: z.string().describe('text/calendar') } },
  }, async (request, reply) => {
    const ics = await calendarFeedIcs(svc, request.params.token);
    return reply.type('text/calendar; charset=utf-8').header('Cache-Control', 'no-store').send(ics);
  });
};
