import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyBaseLogger } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { oidcProviderBody, oidcProviderView } from '../../../shared/contracts/oidc.ts';
import type { Services } from '../../context.ts';
import { oidcProviders } from './oidc.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { SESSION_COOKIE } from '../auth/auth.service.ts';
import { setSessionCookie } from '../auth/auth.routes.ts';
import { DiscoveryCache } from './oidc.client.ts';
import {
  OIDC_FAILURE_PATH,
  OidcFailure,
  callbackUrlOf,
  completeOidcSignIn,
  deleteOidcProviderSettings,
  getOidcProviderSettings,
  recordOidcFailure,
  saveOidcProviderSettings,
  startOidcSignIn,
} from './oidc.service.ts';

/** Only a path on this site: `//host` and `/\host` would send the browser elsewhere (open redirect). */
const isSameSitePath = (p: string) =>
  p.startsWith('/') && !p.startsWith('//') && ![...p].some((c) => c === '\\' || c.charCodeAt(0) < 0x20);

const startQuery = z.object({ returnTo: z.string().max(2000).refine(isSameSitePath).default('/') });
const redirect = { 302: z.null().describe('Redirect (Location header).') };


export const oidcRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  const discovery = new DiscoveryCache(svc.keyring);
  const signInRateLimit = { max: svc.config.rateLimitPerMinute, timeWindow: '1 minute' };

  app.get('/api/public/sign-in-options', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Organisations whose users can sign in through their own identity provider (OIDC).',
      response: { 200: z.object({ items: z.array(z.object({ tenantName: z.string(), displayName: z.string(), startUrl: z.string() })) }) },
    },
  }, async () => {
    const rows = await svc.db
      .select({ slug: tenants.slug, tenantName: tenants.name, displayName: oidcProviders.displayName })
      .from(oidcProviders)
      .innerJoin(tenants, eq(tenants.id, oidcProviders.tenantId))
      .where(eq(oidcProviders.enabled, true));
    return { items: rows.map((r) => ({ tenantName: r.tenantName, displayName: r.displayName, startUrl: `/api/auth/oidc/${r.slug}/start` })) };
  });

  app.get('/api/auth/oidc/:tenantSlug/start', {
    config: { access: 'public', rateLimit: signInRateLimit },
    schema: {
      tags: ['auth'],
      summary: "Start signing in through the organisation's identity provider (authorization code with PKCE).",
      params: z.object({ tenantSlug: z.string().min(1).max(100) }),
      querystring: startQuery,
      response: redirect,
    },
  }, async (request, reply) => {
    try {
      return reply.redirect(await startOidcSignIn(svc, discovery, request.params.tenantSlug, request.query.returnTo), 302);
    } catch (e) {
      if (!(e instanceof OidcFailure)) throw e;
      return reply.redirect(await failed(svc, request.log, e), 302);
    }
  });

  app.get('/api/auth/oidc/callback', {
    config: { access: 'public', rateLimit: signInRateLimit },
    schema: { tags: ['auth'], summary: 'Where the identity provider sends the browser back; signs in and redirects.', response: redirect },
  }, async (request, reply) => {
    // The redirect URI registered at the provider, with the provider's answer in its query.
    const currentUrl = new URL(callbackUrlOf(svc));
    currentUrl.search = new URL(request.url, currentUrl).search;
    try {
      const signedIn = await completeOidcSignIn(svc, discovery, currentUrl, request.cookies[SESSION_COOKIE]);
      setSessionCookie(request, reply, signedIn.token, signedIn.expiresAt);
      return reply.redirect(signedIn.returnTo, 302);
    } catch (e) {
      // A browser is on its way here: whatever went wrong, it lands on the sign-in page, never on an error body.
      const failure = e instanceof OidcFailure ? e : new OidcFailure('internal', null, null, e);
      return reply.redirect(await failed(svc, request.log, failure), 302);
    }
  });

  app.get('/api/oidc-provider', {
    config: { access: 'users.manage' },
    schema: { tags: ['oidc'], summary: "Your organisation's identity provider for sign-in (OIDC). The client secret is never shown.", response: { 200: oidcProviderView } },
  }, async (request) => getOidcProviderSettings(request.ctx()));

  app.put('/api/oidc-provider', {
    config: { access: 'users.manage' },
    schema: {
      tags: ['oidc'],
      summary: "Set your organisation's identity provider. Leave out clientSecret to keep it; null removes it.",
      body: oidcProviderBody,
      response: { 200: oidcProviderView },
    },
  }, async (request) => saveOidcProviderSettings(request.ctx(), discovery, request.body));

  app.delete('/api/oidc-provider', {
    config: { access: 'users.manage' },
    schema: { tags: ['oidc'], summary: 'Stop signing in through an identity provider.', response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteOidcProviderSettings(request.ctx(), discovery);
    return reply.code(204).send(null);
  });
};

/** Audits and logs a failed sign-in by its reason alone, and answers where the browser goes. */
async function failed(svc: Services, log: FastifyBaseLogger, failure: OidcFailure): Promise<string> {
  const cause = failure.cause instanceof Error ? { type: failure.cause.name, code: (failure.cause as { code?: unknown }).code } : undefined;
  log.warn({ reason: failure.reason, cause }, 'oidc sign-in failed');
  try {
    await recordOidcFailure(svc, failure);
  } catch (e) {
    log.error({ err: { type: e instanceof Error ? e.name : typeof e } }, 'could not audit a failed oidc sign-in');
  }
  return OIDC_FAILURE_PATH;
}
