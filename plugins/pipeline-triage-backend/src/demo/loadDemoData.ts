import fs from 'node:fs/promises';
import path from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ANNOTATIONS } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { CatalogLinker } from '../linking';
import type { IngestService } from '../ingest/accept';
import { generateHistory, type HistoryJob } from './generateHistory';

export interface DemoOptions {
  ingest: IngestService;
  linker: CatalogLinker;
  logger: LoggerService;
  eventsDir: string;
  historyWeeks: number;
}

const DEMO_SENDER = 'plugin:pipeline-triage:demo';

/**
 * Development only: generated history, then the example events of every format, all in import
 * mode (notifies no one), so every example entity page has data on first start.
 */
export async function loadDemoData(options: DemoOptions): Promise<void> {
  const { ingest, logger } = options;
  const jobs = await waitForPipelines(options);
  const history = generateHistory(jobs, {
    weeks: options.historyWeeks,
    now: new Date(),
  });
  for (let i = 0; i < history.length; i += 100) {
    await ingest.ingest(
      { events: history.slice(i, i + 100) },
      {},
      DEMO_SENDER,
      { quiet: true },
    );
  }
  let files = 0;
  const dir = path.resolve(options.eventsDir);
  for (const name of (await fs.readdir(dir)).sort()) {
    const file = path.join(dir, name);
    const text = await fs.readFile(file, 'utf8');
    if (name.endsWith('.json')) {
      const payload = JSON.parse(text);
      // manifest-only and sources files are companions of a run, not events on their own
      if (/manifest/.test(name)) continue;
      await ingest.ingest(
        payload,
        { contentType: 'application/json' },
        DEMO_SENDER,
        { quiet: true },
      );
    } else if (name.endsWith('.log')) {
      // A plain-text log names its job in the query string, kept beside it in `<name>.query`.
      const sidecar = file.replace(/\.log$/, '.query');
      const query = Object.fromEntries(
        new URLSearchParams((await fs.readFile(sidecar, 'utf8')).trim()),
      );
      await ingest.ingest(
        text,
        { contentType: 'text/plain', query },
        DEMO_SENDER,
        { quiet: true },
      );
    } else continue;
    files++;
  }
  logger.info(
    `Demo data: ${history.length} generated history events for ${jobs.length} pipelines, ${files} example event files`,
  );
}

/** The catalog ingests the example entities shortly after start-up; wait for the pipelines. */
async function waitForPipelines(options: DemoOptions): Promise<HistoryJob[]> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const index = await options.linker.refresh();
    const jobs = index
      .pipelines()
      .map(e =>
        e.metadata.annotations?.[ANNOTATIONS.openlineageJob]
          ?.split(',')[0]
          ?.trim(),
      )
      .filter((v): v is string => Boolean(v) && !v!.includes('*'))
      .map(v => {
        const slash = v.indexOf('/');
        return slash > 0
          ? { namespace: v.slice(0, slash), name: v.slice(slash + 1) }
          : { namespace: '', name: v };
      });
    if (jobs.length) return jobs;
    await new Promise(r => setTimeout(r, 2000));
  }
  options.logger.warn(
    'Demo data: no example pipelines in the catalog after 2 minutes; loading events only',
  );
  return [];
}
