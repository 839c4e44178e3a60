import { z } from 'zod';

/** A tenant's identity provider for sign-in (OIDC). The client secret itself is never sent back. */
export const oidcProviderView = z.object({
  issuer: z.string(),
  clientId: z.string(),
  displayName: z.string(),
  enabled: z.boolean(),
  hasClientSecret: z.boolean(),
  /** To register at the provider as the client's redirect URI. */
  redirectUri: z.string(),
});
export type OidcProviderView = z.infer<typeof oidcProviderView>;

/** Omit `clientSecret` to keep the stored one; `null` removes it (a public client with PKCE only). */
export const oidcProviderBody = z.object({
  issuer: z.url().max(500),
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().min(1).max(1000).nullable().optional(),
  displayName: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
}).strict();
