import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { CliError } from './CliError';

/**
 * Parses a data contract file. Contract checks come with a later stage; for now the file is
 * validated as YAML and otherwise ignored (the command prints a note).
 */
export function readContract(file: string): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(
      `Cannot read contract ${file}: ${(e as Error).message.split('\n')[0]}`,
    );
  }
}
