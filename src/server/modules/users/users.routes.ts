import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { decodeOffset, idParams, listOf, listQuery, pageOf } from '../../lib/lists.ts';
import { createUserBody, updateUserBody, userView, usersQuery } from '../../../shared/contracts/users.ts';
import { createUser, deactivateUser, findUsers, getUser, reactivateUser, updateUser } from './users.service.ts';

export const usersRoutes = (_svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/users', {
    config: { access: 'users.read' },
    schema: { tags: ['users'], summary: 'List the users of your tenant.', querystring: listQuery.extend(usersQuery.shape), response: { 200: listOf(userView) } },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const offset = decodeOffset(cursor);
    return pageOf(await findUsers(request.ctx(), { ...filter, limit, offset }), limit, offset);
  });

  app.post('/api/users', {
    config: { access: 'users.manage' },
    schema: { tags: ['users'], summary: 'Create a user (and the person behind the account).', body: createUserBody, response: { 201: userView } },
  }, async (request, reply) => reply.code(201).send(await createUser(request.ctx(), request.body)));

  app.get('/api/users/:id', {
    config: { access: 'users.read' },
    schema: { tags: ['users'], params: idParams, response: { 200: userView } },
  }, async (request) => getUser(request.ctx(), request.params.id));

  app.patch('/api/users/:id', {
    config: { access: 'users.manage' },
    schema: { tags: ['users'], summary: 'Change name, language or roles.', params: idParams, body: updateUserBody, response: { 200: userView } },
  }, async (request) => updateUser(request.ctx(), request.params.id, request.body));

  app.post('/api/users/:id/deactivate', {
    config: { access: 'users.manage' },
    schema: { tags: ['users'], summary: 'Deactivate a user; their sessions end at once.', params: idParams, response: { 200: userView } },
  }, async (request) => deactivateUser(request.ctx(), request.params.id));

  app.post('/api/users/:id/reactivate', {
    config: { access: 'users.manage' },
    schema: { tags: ['users'], params: idParams, response: { 200: userView } },
  }, async (request) => reactivateUser(request.ctx(), request.params.id));
};
