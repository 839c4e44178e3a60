import type { Db } from '../db/client.ts';
import type { Keyring } from '../lib/crypto.ts';

export type TrainingDemoContext = {
  tenantId: string;
  keyring: Keyring;
  now: Date;
  /** Tove and Tage, the training team. */
  trainerUserIds: string[];
  /** The demo participant's user (participant@demo.peerbridge.test). */
  participantUserId: string;
  /** The demo peer's user (peer@demo.peerbridge.test), also a Recovery College course leader. */
  peerUserId: string;
};

/** Stub: courses, a cohort in progress and one completed, with sessions and attendance (issue 4). */
export async function seedTrainingDemo(_tx: Db, _c: TrainingDemoContext): Promise<void> {}
