import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { randomToken, sha256Hex, type Keyring } from '../../lib/crypto.ts';
import { APPLICATION_TOKEN_HEADER } from '../../../shared/contracts/recruitment.ts';
import { applications } from './recruitment.tables.ts';

/**
 * The applicant's personal link is `/application#<token>`: the token sits in the URL fragment, which
 * browsers never send, and the status page passes it to the API in the `X-Application-Token`
 * header. It is found by its SHA-256 and kept otherwise only encrypted (for later e-mails), so a
 * database dump without the key opens no application.
 */
export function newStatusToken(): { token: string; hash: string } {
  const token = randomToken();
  return { token, hash: sha256Hex(token) };
}

export const statusUrlOf = (publicOrigin: string, token: string) => `${publicOrigin}/application#${token}`;

/** The personal link of an application, for an e-mail sent after the first one (invitation, decision). */
export function statusUrlFor(svc: { config: { publicOrigin: string }; keyring: Keyring }, app: { statusTokenEncrypted: string }): string {
  return statusUrlOf(svc.config.publicOrigin, svc.keyring.decrypt(app.statusTokenEncrypted));
}

export function tokenFromRequest(request: FastifyRequest): string | null {
  const value = request.headers[APPLICATION_TOKEN_HEADER];
  return typeof value === 'string' && value.length >= 20 && value.length <= 200 ? value : null;
}

export type TokenApplication = typeof applications.$inferSelect;

/** The application a status token opens; an unknown or missing token is answered as "unauthenticated". */
export async function getApplicationByToken(db: Db, token: string | null): Promise<TokenApplication> {
  if (!token) throw new AppError('UNAUTHENTICATED');
  const [row] = await db.select().from(applications).where(eq(applications.statusTokenHash, sha256Hex(token)));
  if (!row) throw new AppError('UNAUTHENTICATED');
  return row;
}
