import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { decodeOffset, idParams, listOf, listQuery, pageOf } from '../../lib/lists.ts';
import {
  myPeerView, paymentDetailsBody, paymentDetailsView, peerListItem, peerSettingsBody, peersQuery,
} from '../../../shared/contracts/peers.ts';
import { findPeers, getMyPeer, getPaymentDetails, setMyPause, setPaymentDetails, updateMyPeer } from './peers.service.ts';

export const peersRoutes = (_svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/peers/me', {
    config: { access: 'peers.own' },
    schema: { tags: ['peers'], summary: 'Your peer profile and settings; payment details only masked.', response: { 200: myPeerView } },
  }, async (request) => getMyPeer(request.ctx()));

  app.put('/api/peers/me', {
    config: { access: 'peers.own' },
    schema: { tags: ['peers'], summary: 'Replace your settings: what you take on and when.', body: peerSettingsBody, response: { 200: myPeerView } },
  }, async (request) => updateMyPeer(request.ctx(), request.body));

  app.post('/api/peers/me/pause', {
    config: { access: 'peers.own' },
    schema: { tags: ['peers'], summary: 'Pause: no reason asked; you are offered nothing until you resume.', response: { 200: myPeerView } },
  }, async (request) => setMyPause(request.ctx(), true));

  app.post('/api/peers/me/resume', {
    config: { access: 'peers.own' },
    schema: { tags: ['peers'], summary: 'End your pause.', response: { 200: myPeerView } },
  }, async (request) => setMyPause(request.ctx(), false));

  app.get('/api/peers', {
    config: { access: 'peers.read' },
    schema: { tags: ['peers'], summary: 'The peers of your tenant (`?q=` searches names).', querystring: listQuery.extend(peersQuery.shape), response: { 200: listOf(peerListItem) } },
  }, async (request) => {
    const { limit, cursor, paused, q } = request.query;
    const offset = decodeOffset(cursor);
    const rows = await findPeers(request.ctx(), { q, paused: paused === undefined ? undefined : paused === 'true', limit, offset });
    return pageOf(rows, limit, offset);
  });

  app.get('/api/peers/:id/payment-details', {
    config: { access: 'payments.manage' },
    schema: { tags: ['peers'], summary: 'A peer\'s payment details in full (finance only; the read is audited).', params: idParams, response: { 200: paymentDetailsView } },
  }, async (request) => getPaymentDetails(request.ctx(), request.params.id));

  app.put('/api/peers/:id/payment-details', {
    config: { access: 'payments.manage' },
    schema: { tags: ['peers'], summary: 'Set a peer\'s personnummer, bank account and employee number (finance only).', params: idParams, body: paymentDetailsBody, response: { 200: paymentDetailsView } },
  }, async (request) => setPaymentDetails(request.ctx(), request.params.id, request.body));
};
