import type { Db } from '../db/client.ts';
import type { TrainingDemoContext } from './training-seed.ts';

/** Stub: Recovery College courses with enrolments and a waiting list, and a staff introduction (issue 4). */
export async function seedRecoveryCollegeDemo(_tx: Db, _c: TrainingDemoContext): Promise<void> {}
