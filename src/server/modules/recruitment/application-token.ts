import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { APPLICATION_TOKEN_HEADER } from '../../../shared/contracts/recruitment.ts';
import { applications } from './recruitment.tables.ts';

/**
 * The applicant's personal link is `/application#<token>`: the token sits in the URL fragment, which
 * browsers never send, and the status page passes it to the API in the `X-Application-Token`
 * header. Only its SHA-256 is stored, so a database dump opens no application.
 */
export function newStatusToken(): { token: string; hash: string } {
  const token = randomToken();
  return { token, hash: sha256Hex(token) };
}

export const statusUrlOf = (publicOrigin: string, token: string) => `${publicOrigin}/application#${token}`;

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
