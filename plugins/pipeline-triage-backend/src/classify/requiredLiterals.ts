/**
 * Literal text a regex cannot match without: for `Container killed by YARN|OOMKilled` that is
 * ["container killed by yarn", "oomkilled"]. A line containing none of them cannot match, so
 * the rule is skipped without running its regex. Returns undefined when some branch has no
 * literal of at least `minLength` characters (the rule then always runs).
 *
 * Sound, not complete: it only needs to never drop a literal that is required. Literals are
 * lower-cased and compared with the lower-cased line, which over-approximates case-sensitive
 * patterns (harmless: the regex still decides).
 */
export function requiredLiterals(
  source: string,
  minLength = 3,
): string[] | undefined {
  // A group around the whole pattern, e.g. (?:a|b): look inside it.
  const inner = /^\((?:\?:)?([\s\S]*)\)$/.exec(source);
  if (inner && skipGroup(source, 0) === source.length)
    return requiredLiterals(inner[1], minLength);
  const out: string[] = [];
  for (const branch of splitTopLevel(source)) {
    const lits = branchLiterals(branch, minLength);
    if (!lits) return undefined;
    out.push(...lits);
  }
  return [...new Set(out)];
}

/**
 * The literals one branch needs: its longest plain run, or else the alternatives of a group
 * it cannot match without, e.g. `\b0 (?:rows|records) found` → ["rows", "records"].
 */
function branchLiterals(
  branch: string,
  minLength: number,
): string[] | undefined {
  const lit = longestLiteral(branch);
  if (lit.length >= minLength) return [lit.toLowerCase()];
  let best: string[] | undefined;
  for (const group of requiredGroups(branch)) {
    const lits = requiredLiterals(group, minLength);
    if (
      lits &&
      (!best ||
        Math.min(...lits.map(l => l.length)) >
          Math.min(...best.map(l => l.length)))
    )
      best = lits;
  }
  return best;
}

/** Bodies of the top-level groups of a branch that are not optional (no ?, *, {0,). */
function requiredGroups(branch: string): string[] {
  const groups: string[] = [];
  let i = 0;
  while (i < branch.length) {
    const c = branch[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '[') {
      i = skipClass(branch, i);
    } else if (c === '(') {
      const end = skipGroup(branch, i);
      const after = branch.slice(end, end + 3);
      const optional =
        after.startsWith('?') ||
        after.startsWith('*') ||
        /^\{0[,}]/.test(after);
      const body = branch.slice(i + 1, end - 1);
      const lookaround = /^\?(?:=|!|<=|<!)/.test(body);
      if (!optional && !lookaround)
        groups.push(body.replace(/^\?(?::|<[A-Za-z_]\w*>)/, ''));
      i = end;
    } else {
      i += 1;
    }
  }
  return groups;
}

function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

const LITERAL_ESCAPES = new Set('.\\/-()[]{}*+?|^$:\'" ,=<>#@!%&~`;'.split(''));

function longestLiteral(branch: string): string {
  let best = '';
  let run = '';
  const flush = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  let i = 0;
  while (i < branch.length) {
    const c = branch[i];
    let char: string | undefined;
    let width = 1;
    if (c === '\\') {
      const e = branch[i + 1];
      if (e !== undefined && LITERAL_ESCAPES.has(e)) {
        char = e;
        width = 2;
      } else {
        // \d, \w, \b, \x41 ...: not a literal (and \b is zero-width, but breaking is safe).
        flush();
        i += 2;
        continue;
      }
    } else if (c === '(') {
      // Skip the whole group: its literals may be optional or alternatives.
      flush();
      i = skipGroup(branch, i);
      i = skipQuantifier(branch, i);
      continue;
    } else if (c === '[') {
      flush();
      i = skipClass(branch, i);
      i = skipQuantifier(branch, i);
      continue;
    } else if ('.^$|)'.includes(c)) {
      flush();
      i += 1;
      i = skipQuantifier(branch, i);
      continue;
    } else if ('*+?{'.includes(c)) {
      // A stray quantifier (after a skipped construct): nothing to take.
      flush();
      i = skipQuantifier(branch, i);
      continue;
    } else {
      char = c;
    }
    const next = branch[i + width];
    if (
      next === '?' ||
      next === '*' ||
      (next === '{' && /^\{0[,}]/.test(branch.slice(i + width)))
    ) {
      // Optional character: the run ends before it.
      flush();
      i = skipQuantifier(branch, i + width);
      continue;
    }
    run += char;
    i += width;
    if (next === '+' || next === '{') {
      // Required at least once, but what follows is not adjacent to a single copy.
      flush();
      i = skipQuantifier(branch, i);
    }
  }
  flush();
  return best;
}

function skipGroup(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j += 1) {
    const c = s[j];
    if (c === '\\') {
      j += 1;
      continue;
    }
    if (c === '[') {
      j = skipClass(s, j) - 1;
      continue;
    }
    if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return j + 1;
    }
  }
  return s.length;
}

function skipClass(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j += 1) {
    if (s[j] === '\\') {
      j += 1;
      continue;
    }
    if (s[j] === ']' && j > i + 1) return j + 1;
  }
  return s.length;
}

function skipQuantifier(s: string, i: number): number {
  const m = /^(?:[*+?]|\{\d*,?\d*\})[?+]?/.exec(s.slice(i, i + 20));
  return m ? i + m[0].length : i;
}
