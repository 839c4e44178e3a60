import type { Db } from '../db/client.ts';
import type { TrainingDemoContext } from './training-seed.ts';

/** Stub: reflection tasks, hand-ins with feedback, check-ins (one flagged), follow-up notes (issue 4). Runs after seedTrainingDemo. */
export async function seedTrainingWorkDemo(_tx: Db, _c: TrainingDemoContext): Promise<void> {}
