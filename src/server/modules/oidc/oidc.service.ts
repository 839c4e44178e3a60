import { eq } from 'drizzle-orm';
import type { OidcProviderView } from '../../../shared/contracts/oidc.ts';
import type { Ctx, Services } from '../../context.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findUserByEmail } from '../auth/auth.repo.ts';
import { normalizeEmail, openSession } from '../auth/auth.service.ts';
import { sessions } from '../auth/auth.tables.ts';
import { assertCanManageUsers } from '../users/users.policy.ts';
import { buildAuthorizationRequest, exchangeCode, isAllowedIssuer, type DiscoveryCache, type OidcProviderRow } from './oidc.client.ts';
import { bindOidcSubject, deleteProvider, findEnabledProviderBySlug, findOidcSubject, findProvider, insertLogin, takeLogin, unbindOidcSubjects, upsertProvider } from './oidc.repo.ts';

/** Where a failed sign-in lands: the sign-in page says it failed and nothing more. */
export const OIDC_FAILURE_PATH = '/sign-in?error=OIDC_FAILED';
// Long enough to sign in at the provider (perhaps with a second factor), short enough to limit replay.
const LOGIN_TTL_MS = 10 * 60_000;

export const callbackUrlOf = (svc: Services) => `${svc.config.publicOrigin}/api/auth/oidc/callback`;

/** Why an OIDC sign-in failed; only this closed reason goes to the audit log, never a claim. */
type FailureReason = 'discovery' | 'state' | 'provider' | 'denied' | 'exchange' | 'no_email' | 'unknown_user' | 'deactivated' | 'subject_mismatch' | 'internal';

export class OidcFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    readonly tenantId: string | null,
    readonly userId: string | null = null,
    cause?: unknown,
  ) {
    super(`OIDC sign-in failed: ${reason}`, { cause });
  }
}

/** Starts a sign-in at the tenant's provider; answers the provider URL to send the browser to. */
export async function startOidcSignIn(svc: Services, discovery: DiscoveryCache, slug: string, returnTo: string): Promise<string> {
  const provider = await findEnabledProviderBySlug(svc.db, slug);
  if (!provider) throw notFound();
  const config = await discovery.get(provider).catch((e: unknown) => {
    throw new OidcFailure('discovery', provider.tenantId, null, e);
  });
  const request = await buildAuthorizationRequest(config, callbackUrlOf(svc));
  const now = svc.now();
  await insertLogin(svc.db, {
    state: request.state,
    tenantId: provider.tenantId,
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    returnTo,
    expiresAt: new Date(now.getTime() + LOGIN_TTL_MS),
  }, now);
  return request.url.href;
}

/**
 * Finishes a sign-in: the state is used once, the code is exchanged with the PKCE verifier and the
 * nonce checked, and the proven e-mail must belong to an active user of the tenant whose provider
 * vouched for it. A provider vouches for its own organisation only: a user of another tenant is
 * never signed in through it.
 */
export async function completeOidcSignIn(
  svc: Services,
  discovery: DiscoveryCache,
  currentUrl: URL,
  previousToken: string | undefined,
): Promise<{ token: string; expiresAt: Date; returnTo: string }> {
  const state = currentUrl.searchParams.get('state');
  const login = state ? await takeLogin(svc.db, state) : undefined;
  const now = svc.now();
  if (!login || login.expiresAt <= now) throw new OidcFailure('state', login?.tenantId ?? null);
  const provider = await findProvider(svc.db, login.tenantId);
  if (!provider?.enabled) throw new OidcFailure('provider', login.tenantId);
  if (currentUrl.searchParams.has('error')) throw new OidcFailure('denied', login.tenantId);

  const identity = await exchange(discovery, provider, currentUrl, login);
  if (!identity.email || identity.emailVerified === false) throw new OidcFailure('no_email', login.tenantId);
  const user = await findUserByEmail(svc.db, normalizeEmail(identity.email));
  if (!user || user.tenantId !== login.tenantId) throw new OidcFailure('unknown_user', login.tenantId);
  if (user.status !== 'active') throw new OidcFailure('deactivated', login.tenantId, user.id);

  const previousId = previousToken ? sha256Hex(previousToken) : undefined;
  const opened = await svc.db.transaction(async (tx) => {
    // The first sign-in binds the account to the provider's subject; an e-mail address that later
    // moves to another person at the provider does not open this account.
    const stored = await findOidcSubject(tx, user.id);
    const bound = stored === identity.subject || (stored === null && (await bindOidcSubject(tx, user.id, identity.subject)));
    if (!bound) throw new OidcFailure('subject_mismatch', login.tenantId, user.id);
    // A new session id at every sign-in; the session the browser came with ends.
    if (previousId) await tx.delete(sessions).where(eq(sessions.id, previousId));
    const created = await openSession({ ...svc, db: tx }, user, 'oidc');
    await writeAudit(tx, { actor: created.actor, now }, { action: 'auth.sign_in', recordType: 'session', subjectPersonId: user.personId, details: { method: 'oidc' } });
    return created;
  });
  if (previousId) svc.sessions.delete(`s:${previousId}`);
  return { token: opened.token, expiresAt: opened.expiresAt, returnTo: login.returnTo };
}

async function exchange(discovery: DiscoveryCache, provider: OidcProviderRow, currentUrl: URL, login: { state: string; nonce: string; codeVerifier: string; tenantId: string }) {
  try {
    const config = await discovery.get(provider);
    return await exchangeCode(config, currentUrl, login);
  } catch (e) {
    throw new OidcFailure('exchange', login.tenantId, null, e);
  }
}

/** Audits a failed sign-in with its reason only: no e-mail, no claim, no provider message. */
export async function recordOidcFailure(svc: Services, failure: OidcFailure): Promise<void> {
  await svc.db.transaction(async (tx) => {
    await writeAudit(tx, { actor: null, tenantId: failure.tenantId, now: svc.now() }, {
      action: 'auth.oidc_failed',
      recordType: failure.userId ? 'user' : 'oidc_login',
      recordId: failure.userId,
      details: { reason: failure.reason },
    });
  });
}


const toView = (svc: Services, row: OidcProviderRow): OidcProviderView => ({
  issuer: row.issuer,
  clientId: row.clientId,
  displayName: row.displayName,
  enabled: row.enabled,
  hasClientSecret: row.clientSecretEncrypted !== null,
  redirectUri: callbackUrlOf(svc),
});

export async function getOidcProviderSettings(ctx: Ctx): Promise<OidcProviderView> {
  assertCanManageUsers(ctx.actor);
  const row = await findProvider(ctx.db, ctx.actor.tenantId);
  if (!row) throw notFound();
  return toView(ctx, row);
}

/**
 * Sets the tenant's provider. The client secret is sealed with the key ring and never answered;
 * left out it stays as it was, null removes it (a public client, PKCE only).
 */
export async function saveOidcProviderSettings(
  ctx: Ctx,
  discovery: DiscoveryCache,
  input: { issuer: string; clientId: string; clientSecret?: string | null; displayName: string; enabled: boolean },
): Promise<OidcProviderView> {
  assertCanManageUsers(ctx.actor);
  if (!isAllowedIssuer(input.issuer)) throw fieldError('issuer', 'field.invalid');
  const tenantId = ctx.actor.tenantId;
  const row = await ctx.db.transaction(async (tx) => {
    const existing = await findProvider(tx, tenantId);
    const clientSecretEncrypted = input.clientSecret === undefined
      ? (existing?.clientSecretEncrypted ?? null)
      : input.clientSecret === null ? null : ctx.keyring.encrypt(input.clientSecret);
    const saved = await upsertProvider(tx, {
      tenantId,
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretEncrypted,
      displayName: input.displayName,
      enabled: input.enabled,
    });
    const issuerChanged = existing?.issuer !== input.issuer;
    if (existing && issuerChanged) await unbindOidcSubjects(tx, tenantId);
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, {
      action: existing ? 'oidc_provider.update' : 'oidc_provider.create',
      recordType: 'oidc_provider',
      recordId: tenantId,
      details: { enabled: input.enabled, issuerChanged, clientSecretChanged: input.clientSecret !== undefined },
    });
    return saved;
  });
  discovery.forget(tenantId);
  return toView(ctx, row);
}

export async function deleteOidcProviderSettings(ctx: Ctx, discovery: DiscoveryCache): Promise<void> {
  assertCanManageUsers(ctx.actor);
  const tenantId = ctx.actor.tenantId;
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteProvider(tx, tenantId))) throw notFound();
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'oidc_provider.delete', recordType: 'oidc_provider', recordId: tenantId });
  });
  discovery.forget(tenantId);
}
