import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  EngineResult,
  TriageEngine,
  TriageEngineOptions,
} from './createTriageEngine';
import type { EngineJob } from './engineJob';

export type { EngineJob };

/** Classifies many events at once; the caller never learns where it ran. */
export interface BatchEngine {
  triageMany(jobs: EngineJob[]): Promise<EngineResult[]>;
  close(): Promise<void>;
}

/** Below this many events a batch is classified in-process: a worker round trip costs more. */
const MIN_BATCH = 8;

/** The default pool: every core but the one the backend's event loop needs. */
export function defaultEngineWorkers(): number {
  return Math.max(
    0,
    Math.min(4, (os.availableParallelism?.() ?? os.cpus().length) - 1),
  );
}

/**
 * Worker threads, each with its own engine built from the same options, so classification of
 * a large batch does not hold up the event loop that serves HTTP and the database. A worker
 * that cannot start or dies takes the pool down to in-process classification, never triage.
 */
export class EnginePool implements BatchEngine {
  private workers?: Array<{
    worker: Worker;
    pending: Map<
      number,
      { resolve: (r: EngineResult[]) => void; reject: (e: Error) => void }
    >;
  }>;
  private broken = false;
  private nextId = 0;
  private nextWorker = 0;

  constructor(
    private readonly engine: TriageEngine,
    private readonly options: {
      size: number;
      engineOptions: TriageEngineOptions;
      logger: LoggerService;
    },
  ) {}

  async triageMany(jobs: EngineJob[]): Promise<EngineResult[]> {
    if (this.broken || this.options.size === 0 || jobs.length < MIN_BATCH) {
      return jobs.map(j => this.engine.triage(j.event, j.ctx));
    }
    const workers = this.start();
    // One slice per worker: each runs a whole engine; slices come back in order.
    const per = Math.ceil(jobs.length / workers.length);
    const slices = workers
      .map((_, i) => jobs.slice(i * per, (i + 1) * per))
      .filter(s => s.length);
    try {
      const results = await Promise.all(slices.map(slice => this.send(slice)));
      return results.flat();
    } catch (error) {
      this.fail(error);
      return jobs.map(j => this.engine.triage(j.event, j.ctx));
    }
  }

  /** Worker threads started and not closed. */
  get running(): number {
    return this.workers?.length ?? 0;
  }

  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = undefined;
    await Promise.all(workers.map(w => w.worker.terminate()));
  }

  private send(jobs: EngineJob[]): Promise<EngineResult[]> {
    const w = this.workers![this.nextWorker++ % this.workers!.length];
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      w.pending.set(id, { resolve, reject });
      w.worker.postMessage({ id, jobs });
    });
  }

  private start() {
    if (this.workers) return this.workers;
    this.workers = Array.from({ length: this.options.size }, () => {
      const worker = new Worker(workerSource(), {
        eval: true,
        workerData: { engineOptions: this.options.engineOptions },
      });
      // An idle pool must not keep the process (or a test run) alive.
      worker.unref();
      const entry = {
        worker,
        pending: new Map<
          number,
          { resolve: (r: EngineResult[]) => void; reject: (e: Error) => void }
        >(),
      };
      worker.on(
        'message',
        (m: { id: number; results?: EngineResult[]; error?: string }) => {
          const p = entry.pending.get(m.id);
          entry.pending.delete(m.id);
          if (m.results) p?.resolve(m.results);
          else p?.reject(new Error(m.error ?? 'engine worker failed'));
        },
      );
      const down = (error: Error) => {
        for (const p of entry.pending.values()) p.reject(error);
        entry.pending.clear();
        this.fail(error);
      };
      worker.on('error', down);
      worker.on('exit', code => {
        if (this.workers?.includes(entry))
          down(new Error(`engine worker exited with code ${code}`));
      });
      return entry;
    });
    this.options.logger.info(
      `Started ${this.options.size} engine worker thread(s) for batch classification`,
    );
    return this.workers;
  }

  private fail(error: unknown) {
    if (this.broken) return;
    this.broken = true;
    this.options.logger.warn(
      `Engine workers unavailable, classifying in-process from now on: ${error}`,
    );
    void this.close();
  }
}

/**
 * The worker loads engineWorker beside this file: the TypeScript source (with the transform the
 * backend's dev and test runs use) or the built module of the package.
 */
/* eslint-disable no-restricted-syntax -- the build keeps one module per source file, so engineWorker
   sits beside this module there too (checked against a `backstage-cli package build`). */
function workerSource(): string {
  const fromSource = __filename.endsWith('.ts');
  const file = path.join(
    __dirname,
    fromSource ? 'engineWorker.ts' : 'engineWorker.cjs.js',
  );
  const transform = fromSource
    ? `require(require.resolve('@backstage/cli/config/nodeTransform.cjs', { paths: [${JSON.stringify(
        __dirname,
      )}] }));`
    : '';
  return `${transform}require(${JSON.stringify(file)}).runEngineWorker();`;
}
/* eslint-enable no-restricted-syntax */

// Keeps engineWorker reachable, so the build emits the module the workers load.
export { runEngineWorker } from './engineWorker';
