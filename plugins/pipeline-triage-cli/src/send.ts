import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { CliError } from './CliError';
import { listFiles } from './inputs';

interface SendOptions {
  url: string;
  token?: string;
  job?: string;
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
    .argument('<paths...>', 'event files or directories (recursive)')
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
