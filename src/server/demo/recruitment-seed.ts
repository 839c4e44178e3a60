import type { Db } from '../db/client.ts';
import type { Keyring } from '../lib/crypto.ts';

/** Stub: the demo intake with applications in every stage (issue 3). */
export async function seedRecruitmentDemo(_tx: Db, _opts: { tenantId: string; trainerUserIds: string[]; keyring: Keyring; now: Date }): Promise<void> {}
