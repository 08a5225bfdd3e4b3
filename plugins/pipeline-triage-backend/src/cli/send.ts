import type { Command } from 'commander';

/**
 * Registration point of `pipeline-triage send` (posting events to a running backend).
 * Left for the lead to implement; until then the command explains that it is missing.
 */
export function registerSendCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('send')
    .description('send failure events to a Pipeline Triage backend (not implemented yet)')
    .argument('[paths...]', 'event files or directories')
    .allowUnknownOption(true)
    .action(() => {
      process.stderr.write('pipeline-triage send: not implemented yet\n');
      setExitCode(2);
    });
}
