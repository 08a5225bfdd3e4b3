import { dcsDocumentSchema } from './dcsSchema';
import { normalizeDcs } from './normalizeDcs';
import { normalizeOdcs } from './normalizeOdcs';
import { odcsDocumentSchema } from './odcsSchema';
import { odcsVersionWarnings } from './odcsVersionWarnings';
import {
  ContractError,
  ContractProblem,
  ContractSource,
  formatProblem,
  ParsedContract,
} from './types';
import { readYamlSource } from './yamlSource';
import { zodProblems } from './zodProblems';

function contractError(
  source: ContractSource,
  problems: ContractProblem[],
): ContractError {
  const shown = problems.slice(0, 3).map(formatProblem).join('; ');
  const more = problems.length > 3 ? ` (+${problems.length - 3} more)` : '';
  const error: ContractError = {
    message: `invalid data contract${
      source.entityRef ? ` ${source.entityRef}` : ''
    }${source.file ? ` (${source.file})` : ''}: ${shown}${more}`,
    problems,
  };
  if (source.entityRef) error.entityRef = source.entityRef;
  if (source.file) error.file = source.file;
  return error;
}

/**
 * Parses the YAML (or JSON) text of a data contract: ODCS v3.0.x, ODCS v3.1.x, or the older
 * Data Contract Specification. Returns the normalised contract, every clause with its path and
 * line, or a `ContractError` whose problems name the paths at fault. Never throws.
 *
 * @alpha
 */
export function parseContract(
  text: string,
  source: ContractSource = {},
): ParsedContract | ContractError {
  try {
    const yaml = readYamlSource(text);
    if (yaml.errors.length) return contractError(source, yaml.errors);

    const data = yaml.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      return contractError(source, [
        {
          path: '',
          line: 1,
          message: 'expected a mapping (a data contract document)',
        },
      ]);
    }
    const doc = data as Record<string, unknown>;

    if ('dataContractSpecification' in doc) {
      const checked = dcsDocumentSchema.safeParse(doc);
      if (!checked.success) {
        return contractError(
          source,
          zodProblems(checked.error.issues, yaml).problems,
        );
      }
      return { ...normalizeDcs(checked.data, yaml), source };
    }

    if ('apiVersion' in doc || doc.kind === 'DataContract') {
      const checked = odcsDocumentSchema.safeParse(doc);
      const { problems, warnings } = checked.success
        ? { problems: [], warnings: [] }
        : zodProblems(checked.error.issues, yaml);
      if (problems.length) return contractError(source, problems);
      // Only unknown keys failed: the document as written is the validated one.
      const valid = (
        checked.success ? checked.data : doc
      ) as typeof checked.data & object;
      return {
        ...normalizeOdcs(valid, yaml),
        source,
        warnings: [...warnings, ...odcsVersionWarnings(valid, yaml)],
      };
    }

    return contractError(source, [
      {
        path: '',
        line: 1,
        message:
          'not a data contract: expected apiVersion (ODCS v3) or dataContractSpecification',
      },
    ]);
  } catch (e) {
    // A bug of ours must not take down the triage of the failure that led here.
    return contractError(source, [
      {
        path: '',
        message: `could not read the contract: ${(e as Error).message}`,
      },
    ]);
  }
}
