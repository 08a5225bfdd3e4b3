import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { CliError } from './CliError';
import { listFiles } from './inputs';

interface SendOptions {
  url: string;
  token?: string;
  job?: string;
  dbt?: string;
  progress: boolean;
}

interface Tally {
  accepted: number;
  duplicate: number;
  ignored: number;
  counted: number;
  rejected: number;
  failedFiles: string[];
}

/**
 * `pipeline-triage send FILE...`: posts event files to a running backend, one request a file
 * (`.json` as JSON, anything else as a text/plain log), with a progress bar.
 * `pipeline-triage send --dbt target/`: posts one dbt run's artifacts (see sendDbt).
 */
export function registerSendCommand(
  program: Command,
  setExitCode: (code: number) => void,
): void {
  program
    .command('send')
    .description(
      'post failure event files to a running Pipeline Triage backend',
    )
    .argument('[paths...]', 'event files or directories (recursive)')
    .option(
      '--url <url>',
      'backend base URL',
      process.env.PIPELINE_TRIAGE_URL ?? 'http://localhost:7007',
    )
    .option('--token <token>', 'sender token (default: $PIPELINE_TRIAGE_TOKEN)')
    .option(
      '--job <name>',
      'job name for plain-text logs without a .query file beside them',
    )
    .option(
      '--dbt <target-dir>',
      "post a dbt run's artifacts from its target directory (run_results.json, with manifest.json when present) to /v1/dbt",
    )
    .option('--no-progress', 'no progress bar (for logs and CI)')
    .action(async (paths: string[], opts: SendOptions) => {
      setExitCode(await send(paths, opts));
    });
}

async function send(paths: string[], opts: SendOptions): Promise<number> {
  const token = opts.token ?? process.env.PIPELINE_TRIAGE_TOKEN;
  if (!token)
    throw new CliError(
      'No sender token: pass --token or set PIPELINE_TRIAGE_TOKEN',
    );
  if (opts.dbt) {
    if (paths.length > 0)
      throw new CliError('--dbt takes a target directory, not other files');
    return sendDbt(opts.dbt, opts.url, token);
  }
  if (paths.length === 0)
    throw new CliError('Nothing to send: name event files, or --dbt target/');
  const files = listFiles(paths).filter(
    f => !f.endsWith('.query') && !f.endsWith('.md'),
  );
  if (files.length === 0)
    throw new CliError(`No event files under ${paths.join(', ')}`);
  const endpoint = `${opts.url.replace(
    /\/$/,
    '',
  )}/api/pipeline-triage/v1/events`;
  const tally: Tally = {
    accepted: 0,
    duplicate: 0,
    ignored: 0,
    counted: 0,
    rejected: 0,
    failedFiles: [],
  };
  const bar =
    opts.progress && process.stderr.isTTY
      ? new SingleBar({ clearOnComplete: true }, Presets.shades_classic)
      : undefined;
  bar?.start(files.length, 0);
  for (const file of files) {
    await sendFile(file, endpoint, token, opts, tally);
    bar?.increment();
  }
  bar?.stop();
  process.stdout.write(
    `${files.length} files sent: ${tally.accepted} accepted, ${tally.duplicate} duplicate, ${tally.counted} counted, ${tally.ignored} ignored, ${tally.rejected} rejected\n`,
  );
  for (const f of tally.failedFiles)
    process.stderr.write(`pipeline-triage: ${f}\n`);
  return tally.rejected > 0 || tally.failedFiles.length > 0 ? 1 : 0;
}

async function sendFile(
  file: string,
  endpoint: string,
  token: string,
  opts: SendOptions,
  tally: Tally,
) {
  const isJson = file.endsWith('.json');
  let url = endpoint;
  if (!isJson) {
    // A plain-text log names its job in a `.query` file beside it, or with --job.
    const sidecar = file.replace(/\.[^.]+$/, '.query');
    let query = opts.job ? `job=${encodeURIComponent(opts.job)}` : '';
    if (existsSync(sidecar)) query = readFileSync(sidecar, 'utf8').trim();
    if (query) url = `${endpoint}?${query}`;
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': isJson ? 'application/json' : 'text/plain',
      },
      body: readFileSync(file),
    });
  } catch (error) {
    throw new CliError(`Cannot reach ${endpoint}: ${(error as Error).message}`);
  }
  const body = await res.json().catch(() => undefined);
  if (!res.ok) {
    tally.failedFiles.push(
      `${file}: HTTP ${res.status} ${body?.error?.message ?? res.statusText}`,
    );
    return;
  }
  for (const r of body?.results ?? []) {
    tally[
      r.status as 'accepted' | 'duplicate' | 'counted' | 'ignored' | 'rejected'
    ] += 1;
    if (r.status === 'rejected')
      tally.failedFiles.push(`${file}#${r.index}: ${r.field}: ${r.reason}`);
  }
}

/**
 * One dbt invocation's artifacts from its target directory, as the backend's dbt ingest takes
 * them: `{"run_results": ..., "manifest": ...}` posted gzipped to `/v1/dbt`, whose body limit is
 * large enough for a real manifest. The manifest is passed through as its bytes, unparsed.
 */
async function sendDbt(
  dir: string,
  baseUrl: string,
  token: string,
): Promise<number> {
  const runResultsFile = path.join(dir, 'run_results.json');
  if (!existsSync(runResultsFile))
    throw new CliError(
      `No run_results.json in ${dir}: point --dbt at the target directory of a dbt run`,
    );
  const runResults = readFileSync(runResultsFile);
  try {
    JSON.parse(runResults.toString('utf8'));
  } catch (error) {
    throw new CliError(
      `${runResultsFile} is not JSON: ${(error as Error).message}`,
    );
  }
  const manifestFile = path.join(dir, 'manifest.json');
  const parts = [Buffer.from('{"run_results":'), runResults];
  if (existsSync(manifestFile))
    parts.push(Buffer.from(',"manifest":'), readFileSync(manifestFile));
  parts.push(Buffer.from('}'));
  const endpoint = `${baseUrl.replace(/\/$/, '')}/api/pipeline-triage/v1/dbt`;
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: gzipSync(Buffer.concat(parts)),
    });
  } catch (error) {
    throw new CliError(`Cannot reach ${endpoint}: ${(error as Error).message}`);
  }
  const body = await res.json().catch(() => undefined);
  if (!res.ok) {
    process.stderr.write(
      `pipeline-triage: ${dir}: HTTP ${res.status} ${
        body?.error?.message ?? res.statusText
      }\n`,
    );
    return 1;
  }
  const counts = { accepted: 0, duplicate: 0, ignored: 0, rejected: 0 };
  // A success is stored and answered `processing: ignored` (there is nothing to triage).
  let successes = 0;
  for (const r of body?.results ?? []) {
    counts[r.status as keyof typeof counts] += 1;
    if (r.status === 'accepted' && r.processing === 'ignored') successes += 1;
    if (r.status === 'rejected')
      process.stderr.write(`pipeline-triage: ${r.field}: ${r.reason}\n`);
  }
  process.stdout.write(
    `dbt run sent from ${dir}${
      parts.length > 3 ? ' (with manifest.json)' : ''
    }: ${counts.accepted} accepted (${
      counts.accepted - successes
    } failures, ${successes} successes), ${counts.duplicate} duplicate, ${
      counts.ignored
    } ignored, ${counts.rejected} rejected\n`,
  );
  return counts.rejected > 0 ? 1 : 0;
}
