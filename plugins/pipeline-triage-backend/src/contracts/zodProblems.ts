import type { z } from 'zod';
import type { PathSegment } from './documentPath';
import type { ContractProblem } from './types';
import type { YamlSource } from './yamlSource';

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, segments: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment as string];
  }
  return node;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  return `${typeof value} ${String(value)}`;
}

/** The union branch that got furthest into the value: its issues explain the mistake best. */
function bestBranch(branches: Issue[][]): Issue[] {
  const depth = (issues: Issue[]) =>
    Math.max(...issues.map(i => i.path.length));
  return branches.reduce(
    (best, b) => (depth(b) > depth(best) ? b : best),
    branches[0] ?? [],
  );
}

function messageOf(issue: Issue, actual: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return actual === undefined
        ? 'required'
        : `expected ${issue.expected}, got ${describe(actual)}`;
    case 'invalid_value':
      return `expected ${issue.values.length > 1 ? 'one of ' : ''}${issue.values
        .map(v => String(v))
        .join(', ')}, got ${describe(actual)}`;
    case 'invalid_format':
      return `${issue.message.replace(/^Invalid string: /, '')}, got ${describe(
        actual,
      )}`;
    case 'too_small':
    case 'too_big':
      return issue.message.replace(/^Too (small|big): /, '');
    default:
      return issue.message;
  }
}

/**
 * zod issues as contract problems: `schema[0].properties[2].logicalType: expected one of string,
 * date, …, got 'text'`, each with its line. Unknown keys come back separately, as warnings.
 */
export function zodProblems(
  issues: readonly Issue[],
  source: YamlSource,
  prefix: readonly PathSegment[] = [],
): { problems: ContractProblem[]; warnings: ContractProblem[] } {
  const problems: ContractProblem[] = [];
  const warnings: ContractProblem[] = [];

  const visit = (issue: Issue, base: readonly PathSegment[]) => {
    const segments = [...base, ...(issue.path as PathSegment[])];
    if (issue.code === 'invalid_union') {
      const branch = bestBranch(issue.errors as Issue[][]);
      if (branch.length) {
        branch.forEach(i => visit(i, segments));
        return;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = [...segments, key];
        warnings.push({
          ...source.locate(at),
          message: 'unknown key, ignored',
        });
      }
      return;
    }
    problems.push({
      ...source.locate(segments),
      message: messageOf(issue, valueAt(source.data, segments)),
    });
  };

  issues.forEach(issue => visit(issue, prefix));
  return { problems, warnings };
}
