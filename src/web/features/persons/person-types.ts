import type { z } from 'zod';
import type { accessLogEntry, personSummary, personView, stageView } from '../../../shared/contracts/persons.ts';

export type PersonSummary = z.infer<typeof personSummary>;
export type PersonView = z.infer<typeof personView>;
export type Stage = z.infer<typeof stageView>;
export type AccessLogEntry = z.infer<typeof accessLogEntry>;

/** The stage someone is in now: the latest one without an end. */
export function currentStage(stages: readonly Stage[]): Stage | undefined {
  return stages.filter((s) => s.endedOn === null).sort((a, b) => b.startedOn.localeCompare(a.startedOn))[0];
}
