import type { Services } from '../../context.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { retentionRules, type RetentionRule } from './retention.rules.ts';

/**
 * Deletes everything past its retention time, rule by rule, and writes one `retention.sweep`
 * audit event with the number of rows each rule deleted (counts only, never what was deleted).
 * The event is written even when nothing was due, as proof that the sweep ran.
 */
export async function runRetention(svc: Services, rules: readonly RetentionRule[] = retentionRules): Promise<Record<string, number>> {
  const now = svc.now();
  return svc.db.transaction(async (tx) => {
    const scoped: Services = { ...svc, db: tx, now: () => now };
    const deleted: Record<string, number> = {};
    for (const rule of rules) deleted[rule.name] = await rule.purge(scoped);
    await writeAudit(tx, { actor: null, now }, { action: 'retention.sweep', recordType: 'retention', details: { deleted } });
    return deleted;
  });
}
