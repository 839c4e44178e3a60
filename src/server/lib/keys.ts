import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { createKeyring, generateKey, type Keyring } from './crypto.ts';

export const demoKeyFile = (dataDir: string) => path.join(dataDir, 'encryption.key');
export const demoPreviousKeysFile = (dataDir: string) => path.join(dataDir, 'encryption.previous-keys');

/**
 * The key ring for field encryption. Outside demo mode the key must come from
 * PEERBRIDGE_ENCRYPTION_KEY and the server refuses to start without it; in demo mode a key is
 * generated into DATA_DIR (with a warning), which is fine for trying and never for real data.
 */
export function loadKeyring(config: Config, warn: (msg: string) => void): Keyring {
  if (config.encryptionKey) return createKeyring(config.encryptionKey, config.previousKeys);
  if (!config.demo) {
    throw new Error(
      'PEERBRIDGE_ENCRYPTION_KEY is not set. Sensitive texts are encrypted at rest and the server will not start without a key. ' +
        'Make one with `npm run cli -- generate-key` and keep it safe (losing it loses the encrypted texts), ' +
        'or set PEERBRIDGE_DEMO=1 to try Peerbridge with a generated demo key.',
    );
  }
  const file = demoKeyFile(config.dataDir);
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, generateKey() + '\n', { mode: 0o600 });
    warn(`Demo mode: generated an encryption key in ${file}. Set PEERBRIDGE_ENCRYPTION_KEY for real data.`);
  } else {
    warn(`Demo mode: using the encryption key in ${file}. Set PEERBRIDGE_ENCRYPTION_KEY for real data.`);
  }
  const previousFile = demoPreviousKeysFile(config.dataDir);
  const previous = fs.existsSync(previousFile) ? fs.readFileSync(previousFile, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [];
  return createKeyring(fs.readFileSync(file, 'utf8').trim(), [...config.previousKeys, ...previous]);
}
