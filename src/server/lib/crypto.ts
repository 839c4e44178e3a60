import crypto from 'node:crypto';

/**
 * Field encryption for the most sensitive texts (letters, notes, free texts about a person):
 * AES-256-GCM, a fresh 96-bit IV per value, the key id in the envelope so that old values stay
 * readable during a key rotation. Envelope: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url).
 */
export type Keyring = {
  currentKeyId: string;
  encrypt(plain: string): string;
  decrypt(envelope: string): string;
  /** True when the value is sealed with an older key and should be re-encrypted. */
  isStale(envelope: string): boolean;
};

export function parseKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('An encryption key must be 32 bytes, base64-encoded (npm run cli -- generate-key makes one).');
  return key;
}

export function generateKey(): string {
  return crypto.randomBytes(32).toString('base64');
}

export function keyIdOf(key: Buffer): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function createKeyring(current: string, previous: readonly string[] = []): Keyring {
  const currentKey = parseKey(current);
  const currentKeyId = keyIdOf(currentKey);
  const keys = new Map<string, Buffer>([[currentKeyId, currentKey]]);
  for (const p of previous) {
    const k = parseKey(p);
    keys.set(keyIdOf(k), k);
  }
  return {
    currentKeyId,
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', currentKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ['v1', currentKeyId, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
    },
    decrypt(envelope) {
      const [version, keyId, iv, tag, ct] = envelope.split('.');
      if (version !== 'v1' || !keyId || iv === undefined || tag === undefined || ct === undefined) {
        throw new Error('Not an encrypted value');
      }
      const key = keys.get(keyId);
      if (!key) throw new Error(`No key with id ${keyId} is configured (PEERBRIDGE_PREVIOUS_KEYS)`);
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
    isStale(envelope) {
      return envelope.split('.')[1] !== currentKeyId;
    },
  };
}

export function sha256Hex(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

/** A random token with 256 bits of entropy, URL-safe. */
export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}
