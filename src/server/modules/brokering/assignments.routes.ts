import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { idParams, listOf } from '../../lib/lists.ts';
import {
  assignmentBody,
  assignmentsQuery,
  assignmentView,
  matchQuery,
  myOfferView,
  offersBody,
  offerTokenBody,
  offerView,
  rankedPeerView,
} from '../../../shared/contracts/assignments.ts';
import { createAssignment, findAssignments, getAssignment } from './assignments.service.ts';
import { matchPeers } from './match.service.ts';
import { answerMyOffer, answerOfferByToken, createOffers, findMyOffers } from './offers.service.ts';

/**
 * Assignments and offers (issue 5): the coordinator creates an assignment, ranks the peers for it
 * and offers it to some of them; a peer answers in the app or from the e-mail's link (its token in
 * the body, never in a URL the server sees). The first accept wins, exactly once.
 */
export const assignmentsRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['assignments'];

  app.post('/api/assignments', {
    config: { access: 'assignments.manage' },
    schema: { tags, summary: 'Create an open assignment with its description; the fee is computed from the year\'s rules and fixed.', body: assignmentBody, response: { 201: assignmentView } },
  }, async (request, reply) => reply.code(201).send(await createAssignment(request.ctx(), request.body)));

  app.get('/api/assignments', {
    config: { access: 'assignments.manage' },
    schema: { tags, summary: 'Assignments, soonest first; `?status=` filters.', querystring: assignmentsQuery, response: { 200: listOf(assignmentView) } },
  }, async (request) => findAssignments(request.ctx(), request.query));

  app.get('/api/assignments/:id', {
    config: { access: 'assignments.manage' },
    schema: { tags, summary: 'One assignment.', params: idParams, response: { 200: assignmentView } },
  }, async (request) => getAssignment(request.ctx(), request.params.id));

  app.get('/api/assignments/:id/match', {
    config: { access: 'assignments.manage' },
    schema: {
      tags,
      summary: 'The peers who can take the assignment, best first, each with the reasons for its place; paused or double-booked peers never appear.',
      params: idParams,
      querystring: matchQuery,
      response: { 200: z.object({ items: z.array(rankedPeerView) }) },
    },
  }, async (request) => ({ items: await matchPeers(request.ctx(), request.params.id, request.query) }));

  app.post('/api/assignments/:id/offers', {
    config: { access: 'assignments.manage' },
    schema: {
      tags,
      summary: 'Offer the assignment to peers at once, each by e-mail, until a deadline; answers each peer\'s income check.',
      params: idParams,
      body: offersBody,
      response: { 201: z.object({ items: z.array(offerView) }) },
    },
  }, async (request, reply) => reply.code(201).send({ items: await createOffers(request.ctx(), request.params.id, request.body) }));

  app.get('/api/offers/mine', {
    config: { access: 'peers.own' },
    schema: { tags, summary: 'Your open offers with the assignment description, fee, deadline and your income check.', response: { 200: z.object({ items: z.array(myOfferView) }) } },
  }, async (request) => ({ items: await findMyOffers(request.ctx()) }));

  for (const answer of ['accept', 'decline'] as const) {
    app.post(`/api/offers/:id/${answer}`, {
      config: { access: 'peers.own' },
      schema: { tags, summary: `${answer === 'accept' ? 'Accept' : 'Decline'} one of your offers; the first accept wins, the others get 409.`, params: idParams, response: { 200: myOfferView } },
    }, async (request) => answerMyOffer(request.ctx(), request.params.id, answer));

    app.post(`/api/public/offers/${answer}`, {
      config: { access: 'public', rateLimit: { max: svc.config.rateLimitPerMinute, timeWindow: '1 minute' } },
      schema: { tags: [...tags, 'public'], summary: `${answer === 'accept' ? 'Accept' : 'Decline'} an offer with the e-mailed link's token, without signing in.`, body: offerTokenBody, response: { 200: myOfferView } },
    }, async (request) => answerOfferByToken(svc, request.body.token, answer));
  }
};
