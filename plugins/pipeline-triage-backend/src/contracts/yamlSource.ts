import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { formatPath, PathSegment } from './documentPath';
import type { ClauseLocation, ContractProblem } from './types';

/** A parsed YAML text that can say on which line any path of the document starts. */
export interface YamlSource {
  /** The document as plain data (undefined for an empty text). */
  data: unknown;
  /** Syntax errors, each with the line it was found on. */
  errors: ContractProblem[];
  /** 1-based line of the node at `segments`, or of its nearest existing ancestor. */
  lineOf(segments: readonly PathSegment[]): number | undefined;
  /** `{ path, line }` of a clause. */
  locate(segments: readonly PathSegment[]): ClauseLocation;
}

/** Reads YAML (or JSON) text, keeping a line counter so every node maps back to its line. */
export function readYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;

  const errors: ContractProblem[] = doc.errors.map(e => ({
    path: '',
    line: lineAt(e.pos?.[0]),
    message: `invalid YAML: ${e.message.split('\n')[0]}`,
  }));

  const lineOf = (segments: readonly PathSegment[]): number | undefined => {
    let node: unknown = doc.contents;
    let line = lineAt((node as Node | null)?.range?.[0]);
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find(
          p => isScalar(p.key) && String(p.key.value) === String(segment),
        );
        if (!pair) return line;
        // A mapping entry starts where its key is written.
        line = lineAt((pair.key as Node).range?.[0]) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) return line;
        line = lineAt(item.range?.[0]) ?? line;
        node = item;
      } else {
        return line;
      }
    }
    return line;
  };

  let data: unknown;
  try {
    data = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    errors.push({
      path: '',
      line: 1,
      message: `invalid YAML: ${(e as Error).message}`,
    });
  }

  return {
    data,
    errors,
    lineOf,
    locate: segments => ({
      path: formatPath(segments),
      line: lineOf(segments),
    }),
  };
}
