import type { Logger } from 'pino';
import type { Services } from '../../context.ts';

export type JobRunner = { stop(): Promise<void> };

/** Placeholder until the durable queue lands: no background work runs yet. */
export async function startJobs(_svc: Services, _log: Logger): Promise<JobRunner> {
  return { stop: async () => {} };
}
