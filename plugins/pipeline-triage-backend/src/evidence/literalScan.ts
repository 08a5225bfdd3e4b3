/**
 * Which groups of literal words occur in a line, ASCII case-insensitively, in one pass.
 *
 * Every line of a large log needs this (is it an error? a notable fact?), so it is a dense
 * automaton over typed arrays: one table lookup per character, no allocation, no lowercased
 * copy of the line. A regex alternation of 70 words tries each word at each position and was
 * the largest cost of streaming a big log.
 */
export class LiteralScanner {
  private readonly classOf = new Uint8Array(128);
  private readonly classes: number;
  private readonly next: Int32Array;
  private readonly outBits: Int32Array;

  /** `groups[i]` is a list of words; bit `1 << i` of the result says one of them occurred. */
  constructor(groups: string[][]) {
    if (groups.length > 31)
      throw new Error('LiteralScanner: at most 31 groups');
    // Character classes: one per distinct (lowercased) character used in a word, 0 for others.
    let classes = 1;
    for (const words of groups) {
      for (const word of words) {
        for (const ch of word.toLowerCase()) {
          const code = ch.charCodeAt(0);
          if (code >= 128)
            throw new Error(
              `LiteralScanner: non-ASCII word ${JSON.stringify(word)}`,
            );
          if (this.classOf[code] === 0) {
            this.classOf[code] = classes;
            const upper = ch.toUpperCase().charCodeAt(0);
            if (upper < 128) this.classOf[upper] = classes;
            classes += 1;
          }
        }
      }
    }
    this.classes = classes;

    // Trie, then failure links folded into a full transition table (Aho-Corasick as a DFA).
    const trie: number[][] = [new Array(classes).fill(-1)];
    const out: number[] = [0];
    groups.forEach((words, group) => {
      for (const word of words) {
        let s = 0;
        for (const ch of word.toLowerCase()) {
          const c = this.classOf[ch.charCodeAt(0)];
          if (trie[s][c] < 0) {
            trie[s][c] = trie.length;
            trie.push(new Array(classes).fill(-1));
            out.push(0);
          }
          s = trie[s][c];
        }
        out[s] |= 1 << group;
      }
    });
    const states = trie.length;
    const next = new Int32Array(states * classes);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let c = 0; c < classes; c += 1) {
      const t = trie[0][c];
      next[c] = t > 0 ? t : 0;
      if (t > 0) queue.push(t);
    }
    for (let qi = 0; qi < queue.length; qi += 1) {
      const r = queue[qi];
      out[r] |= out[fail[r]];
      for (let c = 0; c < classes; c += 1) {
        const t = trie[r][c];
        if (t > 0) {
          fail[t] = next[fail[r] * classes + c];
          next[r * classes + c] = t;
          queue.push(t);
        } else {
          next[r * classes + c] = next[fail[r] * classes + c];
        }
      }
    }
    // Class 0 (a character no word uses) leads where the table says; non-ASCII characters
    // are treated the same way. The table stores each target pre-multiplied by the class
    // count, negated (minus one) when the target completes a word, so the scan loop does one
    // lookup per character and reads the output bits only at word ends.
    for (let k = 0; k < next.length; k += 1) {
      const target = next[k];
      next[k] = out[target] !== 0 ? -(target * classes) - 1 : target * classes;
    }
    this.next = next;
    this.outBits = Int32Array.from(out);
  }

  /** The union of the group bits found in `text`. */
  scan(text: string): number {
    const { classOf, next, outBits, classes } = this;
    let s = 0;
    let found = 0;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      s = next[s + (code < 128 ? classOf[code] : 0)];
      if (s < 0) {
        s = -s - 1;
        found |= outBits[s / classes];
      }
    }
    return found;
  }
}
