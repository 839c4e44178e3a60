import type { Db } from '../../db/client.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { passwordTokens } from './auth.tables.ts';

/** A setup link lasts a week (a new participant may not read mail daily); a reset link an hour. */
export const PASSWORD_LINK_MS = { setup: 7 * 24 * 3_600_000, reset: 3_600_000 } as const;

/**
 * Makes a one-time link to choose a password, in the caller's transaction, and answers its URL for
 * the caller's e-mail. The token is in the URL fragment (`/set-password#<token>`), never sent to a
 * server by the browser; the page posts it.
 */
export async function createPasswordLink(
  tx: Db,
  svc: { config: { publicOrigin: string }; now: () => Date },
  user: { id: string; tenantId: string },
  purpose: 'setup' | 'reset',
): Promise<string> {
  const token = randomToken();
  await tx.insert(passwordTokens).values({
    tokenHash: sha256Hex(token),
    tenantId: user.tenantId,
    userId: user.id,
    purpose,
    expiresAt: new Date(svc.now().getTime() + PASSWORD_LINK_MS[purpose]),
  });
  return `${svc.config.publicOrigin}/set-password#${token}`;
}
