import { matches, type NamePattern } from './patternMatch';

export interface OrderedMatcher {
  entityRef: string;
  patterns: NamePattern[];
}

/**
 * The first matcher, in the given order, with a pattern matching one of the names: the answer
 * of a scan of every matcher, but exact names are looked up in a map, so only the wildcard
 * matchers placed before the exact hit are scanned. With 10,000 annotated pipelines a lookup
 * costs a few map reads, not 10,000 comparisons.
 */
export class MatcherTable<M extends OrderedMatcher> {
  private readonly exact = new Map<string, number>();
  private readonly wildcards: number[] = [];

  constructor(private readonly ordered: M[]) {
    ordered.forEach((m, position) => {
      for (const p of m.patterns) {
        if (p.exact === undefined) continue;
        if (!this.exact.has(p.exact)) this.exact.set(p.exact, position);
      }
      if (m.patterns.some(p => p.exact === undefined))
        this.wildcards.push(position);
    });
  }

  get matchers(): M[] {
    return this.ordered;
  }

  find(names: string[]): { matcher: M; pattern: NamePattern } | undefined {
    let best = Infinity;
    for (const name of names) {
      const position = this.exact.get(name.toLocaleLowerCase('en-US'));
      if (position !== undefined && position < best) best = position;
    }
    for (const position of this.wildcards) {
      if (position >= best) break;
      if (this.hit(position, names)) {
        best = position;
        break;
      }
    }
    if (best === Infinity) return undefined;
    return { matcher: this.ordered[best], pattern: this.hit(best, names)! };
  }

  private hit(position: number, names: string[]): NamePattern | undefined {
    return this.ordered[position].patterns.find(p =>
      names.some(n => matches(p, n)),
    );
  }
}
