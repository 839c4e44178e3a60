import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { sha256Hex } from '../lib/crypto.ts';
import { canonicalJson } from '../modules/audit/audit.service.ts';
import { idempotencyKeys } from '../modules/idempotency/idempotency.tables.ts';
import { AppError } from '../lib/errors.ts';
import type { Services } from '../context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { key: string; route: string; requestHash: string };
  }
}

/**
 * Public POSTs take an `Idempotency-Key`: the same key and body again answer with the first
 * answer and create nothing new; the same key with another body is a conflict (409).
 */
export function registerIdempotency(app: FastifyInstance, svc: Services): void {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.url.startsWith('/api/public/')) return;
    if (key.length < 8 || key.length > 200) {
      throw new AppError('VALIDATION_FAILED', { fields: { 'Idempotency-Key': { key: 'field.invalid' } } });
    }
    const route = request.routeOptions.url ?? request.url;
    const requestHash = sha256Hex(canonicalJson({ url: request.url, body: hashable(request.body ?? null) }));
    const [stored] = await svc.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.route, route), eq(idempotencyKeys.key, key)));
    if (stored) {
      if (stored.requestHash !== requestHash) throw new AppError('CONFLICT');
      const answer = openAnswer(svc, stored.response);
      if (answer !== undefined) {
        reply.header('Idempotent-Replayed', 'true');
        return reply.code(stored.statusCode).send(answer);
      }
    }
    request.idempotency = { key, route, requestHash };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency;
    if (!idem || reply.statusCode >= 500 || reply.getHeader('Idempotent-Replayed')) return payload;
    // The answer may carry a personal link's token: it is kept sealed, like every other secret.
    const sealed = { sealed: svc.keyring.encrypt(typeof payload === 'string' ? payload : '') };
    await svc.db
      .insert(idempotencyKeys)
      .values({ key: idem.key, route: idem.route, requestHash: idem.requestHash, statusCode: reply.statusCode, response: sealed })
      .onConflictDoNothing();
    return payload;
  });
}

/**
 * A multipart body carries uploaded files as Buffers: they enter the hash by their SHA-256 rather
 * than as JSON arrays of every byte. Everything else is left as it is, so JSON bodies hash as before.
 */
function hashable(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { fileSha256: crypto.createHash('sha256').update(value).digest('hex') };
  if (Array.isArray(value)) return value.map(hashable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hashable(v)]));
  return value;
}

/**
 * The stored answer, opened; undefined when it cannot be (sealed with a key no longer configured):
 * the request then runs again, which its own uniqueness rules keep from creating a second record.
 */
function openAnswer(svc: Services, stored: unknown): unknown {
  const sealed = (stored as { sealed?: unknown } | null)?.sealed;
  if (typeof sealed !== 'string') return undefined;
  try {
    const text = svc.keyring.decrypt(sealed);
    return text.length > 0 ? (JSON.parse(text) as unknown) : null;
  } catch {
    return undefined;
  }
}
