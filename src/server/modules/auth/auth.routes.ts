import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Actor, Services } from '../../context.ts';
import { permissionsOf } from '../../../shared/permissions.ts';
import { loginBody, meResponse, unlockBody, updateMeBody, type MeUser } from '../../../shared/contracts/auth.ts';
import { SESSION_COOKIE, signInWithPassword, signOut, unlockAccount } from './auth.service.ts';
import { users } from '../users/users.tables.ts';
import { writeAudit } from '../audit/audit.service.ts';

export function toMeUser(actor: Actor): MeUser {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    locale: actor.locale,
    roles: actor.roles,
    permissions: [...permissionsOf(actor.roles)],
    personId: actor.personId,
    tenant: { id: actor.tenantId, name: actor.tenantName },
  };
}

/** Session cookie: HttpOnly, SameSite=Lax, Secure behind HTTPS, gone when the session ends. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export const authRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  // Sign-in routes are rate limited per client, on top of the per-account throttle.
  const signInRateLimit = { max: svc.config.rateLimitPerMinute, timeWindow: '1 minute' };

  app.post('/api/auth/login', {
    config: { access: 'public', rateLimit: signInRateLimit },
    schema: { tags: ['auth'], summary: 'Sign in with e-mail and password; sets the session cookie.', body: loginBody, response: { 200: meResponse } },
  }, async (request, reply) => {
    const { token, actor, expiresAt } = await signInWithPassword(svc, { ...request.body, previousToken: request.cookies[SESSION_COOKIE] });
    setSessionCookie(request, reply, token, expiresAt);
    return { user: toMeUser(actor) };
  });

  app.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'End the current session.', response: { 204: z.null() } },
  }, async (request, reply) => {
    await signOut(svc, request.ctx().actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'The signed-in user, their roles, permissions and tenant.', response: { 200: meResponse } },
  }, async (request) => ({ user: toMeUser(request.ctx().actor) }));

  app.patch('/api/auth/me', {
    config: { access: 'profile.own' },
    schema: { tags: ['auth'], summary: 'Change your own language or display name.', body: updateMeBody, response: { 200: meResponse } },
  }, async (request) => {
    const { actor } = request.ctx();
    const now = svc.now();
    await svc.db.transaction(async (tx) => {
      await tx.update(users).set(request.body).where(eq(users.id, actor.userId));
      await writeAudit(tx, { actor, now }, { action: 'user.update_own', recordType: 'user', recordId: actor.userId, subjectPersonId: actor.personId, details: { fields: Object.keys(request.body) } });
    });
    svc.sessions.revokeUser(actor.userId);
    return { user: toMeUser({ ...actor, ...request.body }) };
  });

  app.post('/api/public/account-unlocks', {
    config: { access: 'public', rateLimit: signInRateLimit },
    schema: { tags: ['auth'], summary: 'Lift a sign-in lock with the link sent by e-mail.', body: unlockBody, response: { 200: z.object({ unlocked: z.literal(true) }) } },
  }, async (request) => {
    await unlockAccount(svc, request.body.token);
    return { unlocked: true as const };
  });
};
