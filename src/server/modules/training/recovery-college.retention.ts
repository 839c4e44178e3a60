import { and, inArray, lt, notExists, notLike, sql } from 'drizzle-orm';
import type { RetentionRule } from '../retention/retention.rules.ts';
import { addMonths, dayOf } from '../recruitment/recruitment.policy.ts';
import { cohorts, enrolmentAttendance, enrolments } from './training.tables.ts';

/** Names and e-mails of those who enrolled are kept this long after the run ended, then erased. */
export const ENROLMENT_RETENTION_MONTHS = 6;

const ERASED_PREFIX = 'erased:';
/** Leaves out enrolments whose name and e-mail retention has erased (kept only to count attendance). */
export const isNotErased = notLike(enrolments.email, `${ERASED_PREFIX}%`);

/**
 * Six months after a Recovery College course or a staff introduction ended, who enrolled is
 * forgotten. An enrolment without attendance is deleted; one with attendance loses its name,
 * e-mail and cancel link but stays as a number, because a unit's staff introduction must still
 * show how many attended (seed 001: the unit's implementation shows the introduction was done).
 */
export const enrolmentsRetention: RetentionRule = {
  name: 'enrolments',
  purge: async (svc) => {
    const endedBefore = addMonths(dayOf(svc.now()), -ENROLMENT_RETENTION_MONTHS);
    const expiredRuns = svc.db.select({ id: cohorts.id }).from(cohorts).where(lt(cohorts.endsOn, endedBefore));
    const hasAttendance = svc.db.select({ one: sql`1` }).from(enrolmentAttendance).where(sql`${enrolmentAttendance.enrolmentId} = ${enrolments.id}`);
    const deleted = await svc.db
      .delete(enrolments)
      .where(and(inArray(enrolments.cohortId, expiredRuns), notExists(hasAttendance)))
      .returning({ id: enrolments.id });
    // The token column holds a sealed value, like every other row's, so key rotation handles it alike.
    const sealedNothing = svc.keyring.encrypt('');
    const erased = await svc.db
      .update(enrolments)
      .set({
        name: '',
        email: sql`${ERASED_PREFIX}::text || ${enrolments.id}::text`,
        cancelTokenHash: sql`${ERASED_PREFIX}::text || ${enrolments.id}::text`,
        cancelTokenEncrypted: sealedNothing,
      })
      .where(and(inArray(enrolments.cohortId, expiredRuns), isNotErased))
      .returning({ id: enrolments.id });
    return deleted.length + erased.length;
  },
};
