import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { ApplicationStage } from '../../../shared/contracts/recruitment.ts';
import { applicationEvents, applications } from './recruitment.tables.ts';

/**
 * Moves an application to a stage and records the step in its history (the applicant's timeline and
 * the funnel read it). Every stage change goes through here, inside the use case's transaction.
 */
export async function moveToStage(
  tx: Db,
  app: { id: string; tenantId: string; stage: ApplicationStage | null },
  toStage: ApplicationStage,
  opts: { byUserId: string | null; now: Date },
): Promise<void> {
  if (app.stage === toStage) return;
  await tx.update(applications).set({ stage: toStage, updatedAt: opts.now }).where(eq(applications.id, app.id));
  await tx.insert(applicationEvents).values({
    tenantId: app.tenantId,
    applicationId: app.id,
    fromStage: app.stage,
    toStage,
    byUserId: opts.byUserId,
    at: opts.now,
  });
}

/** Stages after which nothing more happens to an application (the decision or a withdrawal). */
export const finalStages: readonly ApplicationStage[] = ['admitted', 'waitlisted', 'not_admitted', 'withdrawn'];
export const isFinal = (stage: ApplicationStage) => finalStages.includes(stage);
