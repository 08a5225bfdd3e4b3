/**
 * Multi-keyword search in one pass over a line: which of N keywords does it contain?
 * Used to skip rules whose required literal is absent, so a line costs one scan plus the few
 * regexes that can actually match, instead of hundreds of regexes.
 */
export class KeywordIndex {
  private readonly goto: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  readonly size: number;

  constructor(keywords: string[]) {
    this.size = keywords.length;
    keywords.forEach((kw, id) => {
      let s = 0;
      for (let i = 0; i < kw.length; i += 1) {
        const c = kw.charCodeAt(i);
        let next = this.goto[s].get(c);
        if (next === undefined) {
          next = this.goto.length;
          this.goto.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.goto[s].set(c, next);
        }
        s = next;
      }
      this.out[s].push(id);
    });
    // Breadth-first failure links.
    const queue: number[] = [];
    for (const s of this.goto[0].values()) queue.push(s);
    for (let qi = 0; qi < queue.length; qi += 1) {
      const r = queue[qi];
      for (const [c, s] of this.goto[r]) {
        queue.push(s);
        let f = this.fail[r];
        while (f !== 0 && !this.goto[f].has(c)) f = this.fail[f];
        const g = this.goto[f].get(c);
        this.fail[s] = g !== undefined && g !== s ? g : 0;
        this.out[s] = this.out[s].concat(this.out[this.fail[s]]);
      }
    }
  }

  /** Calls `hit` with the id of every keyword found (possibly more than once). */
  scan(text: string, hit: (id: number) => void): void {
    let s = 0;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      let next = this.goto[s].get(c);
      while (next === undefined && s !== 0) {
        s = this.fail[s];
        next = this.goto[s].get(c);
      }
      s = next ?? 0;
      const found = this.out[s];
      for (let k = 0; k < found.length; k += 1) hit(found[k]);
    }
  }
}
