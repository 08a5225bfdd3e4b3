import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { emit } from './report';

/** The engine's own benchmark (src/engine/classify.bench.ts), its figures re-emitted. */
export function classifyBench(options: {
  iterations: number;
  mb: number;
}): void {
  // eslint-disable-next-line no-restricted-syntax -- a dev-only script, run from source
  const pkg = path.resolve(__dirname, '../..');
  const run = spawnSync(
    process.execPath,
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      'src/engine/classify.bench.ts',
      '--iterations',
      String(options.iterations),
      '--mb',
      String(options.mb),
    ],
    { cwd: pkg, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`classify bench failed: ${run.stderr}`);
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const f = JSON.parse(line) as {
      figure: string;
      value: number;
      unit: string;
    };
    emit('classify', 'none', f.figure, f.value, f.unit);
  }
}
