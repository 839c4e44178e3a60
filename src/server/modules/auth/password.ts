import { hash, verify } from '@node-rs/argon2';

// OWASP's minimum for Argon2id: m=19456 KiB, t=2, p=1.
const options = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// Verified against when the e-mail is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  const target = passwordHash ?? (await (dummyHash ??= hashPassword('not-a-real-password')));
  try {
    const ok = await verify(target, password);
    return ok && !!passwordHash;
  } catch {
    return false;
  }
}
