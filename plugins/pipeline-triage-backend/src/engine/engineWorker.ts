import { parentPort, workerData } from 'node:worker_threads';
import {
  createTriageEngine,
  type TriageEngineOptions,
} from './createTriageEngine';
import type { EngineJob } from './engineJob';

/**
 * Inside an engine worker thread: answers each batch of jobs with their results, in order.
 *
 * @public
 */
export function runEngineWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runEngineWorker runs only in a worker thread');
  const engine = createTriageEngine(
    (workerData as { engineOptions: TriageEngineOptions }).engineOptions,
  );
  port.on('message', (m: { id: number; jobs: EngineJob[] }) => {
    try {
      port.postMessage({
        id: m.id,
        results: m.jobs.map(j => engine.triage(j.event, j.ctx)),
      });
    } catch (error) {
      port.postMessage({ id: m.id, error: String(error) });
    }
  });
}
