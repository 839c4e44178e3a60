import * as client from 'openid-client';
import type { Keyring } from '../../lib/crypto.ts';
import type { oidcProviders } from './oidc.tables.ts';

export type OidcProviderRow = typeof oidcProviders.$inferSelect;

/** Plain http is allowed only on this machine (a provider for development and tests), never across a network. */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The issuer URL a tenant may use: https, or http on loopback. */
export function isAllowedIssuer(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
  } catch {
    return false;
  }
}

/**
 * Discovered provider configurations, one per tenant, kept in memory so a sign-in costs no
 * discovery round trip. An entry is rebuilt when the tenant's settings change (issuer, client id
 * or secret), so an admin's change takes effect at the next sign-in without a restart.
 */
export class DiscoveryCache {
  private readonly entries = new Map<string, { key: string; config: Promise<client.Configuration> }>();

  constructor(private readonly keyring: Keyring) {}

  get(provider: OidcProviderRow): Promise<client.Configuration> {
    const key = `${provider.issuer}\n${provider.clientId}\n${provider.clientSecretEncrypted ?? ''}`;
    const cached = this.entries.get(provider.tenantId);
    if (cached?.key === key) return cached.config;
    const config = this.discover(provider);
    this.entries.set(provider.tenantId, { key, config });
    // A failed discovery (provider down) is tried again at the next sign-in, not remembered.
    config.catch(() => {
      if (this.entries.get(provider.tenantId)?.config === config) this.entries.delete(provider.tenantId);
    });
    return config;
  }

  forget(tenantId: string): void {
    this.entries.delete(tenantId);
  }

  private discover(provider: OidcProviderRow): Promise<client.Configuration> {
    const issuer = new URL(provider.issuer);
    const secret = provider.clientSecretEncrypted ? this.keyring.decrypt(provider.clientSecretEncrypted) : undefined;
    // Without a secret the app is a public client and PKCE alone protects the code exchange.
    const auth = secret ? client.ClientSecretPost(secret) : client.None();
    const options = issuer.protocol === 'http:' && isLoopbackUrl(issuer) ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 };
    return client.discovery(issuer, provider.clientId, secret, auth, options);
  }
}

export type AuthorizationRequest = { url: URL; state: string; nonce: string; codeVerifier: string };

/** A fresh authorization request: state, nonce and an S256 PKCE challenge. */
export async function buildAuthorizationRequest(config: client.Configuration, redirectUri: string): Promise<AuthorizationRequest> {
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, state, nonce, codeVerifier };
}

export type ProvenIdentity = { subject: string; email: string | undefined; emailVerified: boolean | undefined };

/**
 * Exchanges the code (PKCE verifier, state and nonce checked by openid-client) and reads who signed
 * in. Providers that keep claims out of the ID token (as the spec allows for the code flow) are
 * asked at their userinfo endpoint, which is bound to the same subject.
 */
export async function exchangeCode(
  config: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<ProvenIdentity> {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  let email = typeof claims.email === 'string' ? claims.email : undefined;
  let emailVerified = typeof claims.email_verified === 'boolean' ? claims.email_verified : undefined;
  if (email === undefined && config.serverMetadata().userinfo_endpoint) {
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    email = typeof info.email === 'string' ? info.email : undefined;
    emailVerified = typeof info.email_verified === 'boolean' ? info.email_verified : undefined;
  }
  return { subject: claims.sub, email, emailVerified };
}
