import type { Knex } from 'knex';

/**
 * Serializes processing per job: every transaction that touches a job's incidents takes its
 * job-state row first, so failures and successes of one job cannot deadlock on PostgreSQL
 * (found by the crash test: incident-then-job-state against job-state-then-incident).
 */
export async function lockJob(
  tx: Knex.Transaction,
  jobKey: string,
  isPg: boolean,
) {
  await tx('pt_job_state')
    .insert({ job_key: jobKey })
    .onConflict('job_key')
    .ignore();
  if (isPg)
    await tx('pt_job_state')
      .where('job_key', jobKey)
      .forUpdate()
      .first('job_key');
}

/** A deadlock victim's transaction rolled back whole; running it again is safe. */
export async function withDeadlockRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt < 3 && isDeadlock(error)) continue;
      throw error;
    }
  }
}

export function isDeadlock(error: unknown): boolean {
  return (error as { code?: string })?.code === '40P01';
}
