import type { Db } from '../db/client.ts';
import { verifyAuditChain, type ChainVerdict } from '../modules/audit/audit.service.ts';
import type { Print } from './cli-context.ts';

export function describeVerdict(v: ChainVerdict): string {
  return v.ok ? `audit chain OK: ${v.events} events` : `audit chain BROKEN at seq ${v.brokenAtSeq}: ${v.reason} (the ${v.events - 1} events before it verify)`;
}

/** Walks the whole hash chain; exit code 1 when an event was changed, removed or inserted. */
export async function runVerifyAudit(db: Db, print: Print): Promise<number> {
  const verdict = await verifyAuditChain(db);
  print(describeVerdict(verdict));
  return verdict.ok ? 0 : 1;
}
