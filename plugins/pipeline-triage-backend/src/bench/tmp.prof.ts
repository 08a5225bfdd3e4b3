import { ingestBench } from './ingestBench';
(async () => {
  await ingestBench({ db: 'sqlite', database: { client: 'better-sqlite3', connection: ':memory:' }, events: 1500, batchSize: 100, concurrency: 2, latencySamples: 10 });
  process.exit(0);
})();
