import { InputError } from '@backstage/errors';
import { Command, CommanderError } from 'commander';
import {
  createTriageEngine,
  TriageEngine,
} from '@pipeline-triage/plugin-pipeline-triage-backend/alpha';
import { CliError } from './CliError';
import { classifyCommand, Output } from './classifyCommand';
import { evalCommand } from './evalCommand';
import { modelEvalStep } from './modelEval';
import { registerSendCommand } from './send';

const defaultIo: Output = {
  out: text => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: text => process.stderr.write(`pipeline-triage: ${text}\n`),
};

/**
 * Runs the `pipeline-triage` command line and resolves to the exit code. Errors about inputs
 * are reported as one line naming the file, never as a stack trace.
 */
export async function runCli(
  argv: string[],
  io: Output = defaultIo,
): Promise<number> {
  let exitCode = 0;
  let engine: TriageEngine | undefined;
  const getEngine = () => (engine ??= createTriageEngine());
  const program = new Command('pipeline-triage')
    .description(
      'Triage failed data-pipeline runs: classify, decide retry safety, evaluate',
    )
    .exitOverride()
    .configureOutput({
      writeOut: s => process.stdout.write(s),
      writeErr: s => process.stderr.write(s),
    });

  program
    .command('classify')
    .description('classify failure events, labelled cases or raw logs')
    .argument('<paths...>', 'files or directories (recursive)')
    .option('--json', 'one JSON object per input per line')
    .option(
      '--contract <file>',
      "data contract (ODCS or DCS YAML): its checks are applied to each event's datasets, the violations printed and scored as evidence",
    )
    .option(
      '--annotations <file>',
      'YAML/JSON map of catalog annotations (idempotent, runbook url)',
    )
    .action(async (paths: string[], opts) => {
      exitCode = await classifyCommand(getEngine(), paths, opts, io);
    });

  program
    .command('eval')
    .description('score the classifier on a directory of labelled cases')
    .argument('<dir>', 'directory of labelled cases (JSON)')
    .option('--json', 'print the report as one JSON document')
    .option('--min-accuracy <x>', 'exit with 1 when accuracy is below x (0..1)')
    .option(
      '--model',
      'score the hybrid engine: the model (ANTHROPIC_API_KEY) where the rules are unsure',
    )
    .option(
      '--model-id <id>',
      'Claude model id for --model (default: the backend default)',
    )
    .option('--base-url <url>', 'Messages API base URL for --model')
    .option(
      '--threshold <x>',
      "rules' calibrated confidence below which --model asks the model (default 0.8, as the backend)",
    )
    .option('--timeout-ms <ms>', 'time allowed per model call for --model')
    .action(async (dir: string, opts) => {
      const model = opts.model ? modelEvalStep(opts, io) : undefined;
      exitCode = await evalCommand(getEngine(), dir, opts, io, model?.step);
      model?.done();
    });

  registerSendCommand(program, code => {
    exitCode = code;
  });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander already printed help or the usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof CliError) {
      io.err(e.message);
      return e.exitCode;
    }
    if (e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    io.err(`unexpected error: ${(e as Error).message}`);
    return 3;
  }
}
