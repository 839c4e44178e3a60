import { lte } from 'drizzle-orm';
import type { RetentionRule } from '../retention/retention.rules.ts';
import { purgeApplications } from './application-purge.ts';
import { dayOf } from './recruitment.policy.ts';
import { applications } from './recruitment.tables.ts';

/**
 * Applications not admitted, or withdrawn, are deleted with everything in them on their
 * `purgeAfter` day (the intake's retention time after the decision, told to the applicant).
 */
export const applicationsRetention: RetentionRule = {
  name: 'applications',
  purge: async (svc) => {
    const due = await svc.db.select({ id: applications.id }).from(applications).where(lte(applications.purgeAfter, dayOf(svc.now())));
    return purgeApplications(svc.db, due.map((r) => r.id));
  },
};
