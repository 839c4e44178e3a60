import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';
import { can, permissions, type Permission } from '../../shared/permissions.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { Actor, Ctx, Services } from '../context.ts';
import { SESSION_COOKIE, resolveApiToken, resolveSession } from '../modules/auth/auth.service.ts';

/** What a route needs: a permission, any signed-in user, or nothing (public routes). */
export type Access = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    /** The service context for this request's actor; throws 401 when nobody is signed in. */
    ctx(): Ctx;
  }
}

const knownAccess = new Set<string>([...permissions, 'authenticated', 'public']);
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Deny by default: every /api route must declare `config.access`, or the app refuses to start.
 * Each request is resolved to an actor (session cookie or Bearer token), checked against the
 * route's access, and cookie-authenticated changes must come from our own origin (CSRF).
 */
export function registerAuth(app: FastifyInstance, svc: Services): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', function (this: FastifyRequest): Ctx {
    if (!this.actor) throw new AppError('UNAUTHENTICATED');
    return { ...svc, actor: this.actor };
  });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.method === 'HEAD') return;
    const access = (route.config as { access?: string } | undefined)?.access;
    if (!access || !knownAccess.has(access)) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no valid config.access; every API route must.`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!request.url.startsWith('/api') || !access) return;

    const authorization = request.headers.authorization;
    const cookieToken = request.cookies[SESSION_COOKIE];
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await resolveApiToken(svc, authorization.slice(7).trim());
    } else if (cookieToken) {
      request.actor = await resolveSession(svc, cookieToken);
      if (request.actor && unsafeMethods.has(request.method) && !isOwnOrigin(request, svc.config.publicOrigin)) {
        throw new AppError('CSRF');
      }
    }
    // Without Accept-Language, a signed-in user gets their own language.
    if (request.actor && !request.headers['accept-language']) request.locale = request.actor.locale;
    // Sign-in forms posted from another site are refused too (login CSRF).
    if (!request.actor && unsafeMethods.has(request.method) && request.headers.origin && !isOwnOrigin(request, svc.config.publicOrigin)) {
      throw new AppError('CSRF');
    }

    if (access === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED');
    if (access !== 'authenticated' && !can(request.actor.roles, access)) throw new AppError('FORBIDDEN');
  });
}

function isOwnOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  if (origin === publicOrigin) return true;
  // The browser sets Host to where it is sending; an Origin equal to it is same-origin.
  return origin === `${request.protocol}://${request.headers.host}`;
}
