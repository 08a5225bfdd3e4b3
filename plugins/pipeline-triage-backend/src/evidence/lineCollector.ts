import { capLine } from './capLine';
import { EVIDENCE_LIMITS, EvidenceLimits } from './limits';
import { lineFacts, LineKind } from './lineKind';
import type { Section } from './types';

export interface CollectedLine {
  line: number;
  section: Section;
  text: string;
  readonly lower: string;
  kind: LineKind;
}

/** A read line; its lowercased copy is made only if something asks for it (few lines are kept). */
class Line implements CollectedLine {
  private lowered: string | undefined;
  constructor(
    readonly line: number,
    readonly section: Section,
    readonly text: string,
    public kind: LineKind,
    readonly notable: boolean,
  ) {}

  get lower(): string {
    if (this.lowered === undefined) this.lowered = this.text.toLowerCase();
    return this.lowered;
  }
}

interface Window {
  lines: CollectedLine[];
}

/**
 * Reads lines one at a time and keeps a bounded selection: everything while the input is
 * short, then only error lines with their context, notable lines, and the tail. Memory stays
 * proportional to the limits, not to the log.
 */
export class LineCollector {
  private readonly limits: EvidenceLimits;
  private all: CollectedLine[] | undefined = [];
  private readonly head: Window[] = [];
  private readonly recent: Window[] = [];
  private readonly before: CollectedLine[] = [];
  /** The last lines, as a ring: shifting an array on every line of a big log adds up. */
  private readonly tail: CollectedLine[] = [];
  private tailNext = 0;
  private open: Window | undefined;
  private afterLeft = 0;
  private framesLeft = 0;
  private lineNo = 0;
  private previousPyFrame = false;
  errors = 0;
  warnings = 0;
  lostTasks = 0;

  constructor(limits?: Partial<EvidenceLimits>) {
    this.limits = { ...EVIDENCE_LIMITS, ...limits };
  }

  get lineCount(): number {
    return this.lineNo;
  }

  push(raw: string, section: Section): void {
    this.lineNo += 1;
    const text = capLine(raw, this.limits.maxLineLength);
    const facts = lineFacts(text);
    let kind = facts.kind;
    // The source line Python prints under `File "...", line N` is part of the frame.
    if (this.previousPyFrame && kind !== 'frame') {
      const first = text.charCodeAt(0);
      if (first === 32 || first === 9) kind = 'frame';
    }
    this.previousPyFrame = kind === 'frame' && text.includes('File "');
    const item = new Line(this.lineNo, section, text, kind, facts.notable);
    if (kind === 'error') this.errors += 1;
    else if (kind === 'warning') this.warnings += 1;
    if (facts.lostTask) this.lostTasks += 1;

    if (this.all) {
      this.all.push(item);
      if (this.all.length > this.limits.keepAllUpTo) this.all = undefined;
    }
    this.keepBounded(item);
  }

  private keepBounded(item: Line): void {
    const { kind } = item;
    const interesting =
      kind === 'error' ||
      kind === 'warning' ||
      (kind === 'context' && item.notable);
    if (interesting) {
      if (this.open && this.afterLeft > 0) {
        this.open.lines.push(item);
      } else {
        this.open = { lines: [...this.before, item] };
        this.addWindow(this.open);
      }
      this.before.length = 0;
      this.afterLeft = this.limits.contextAfter;
      this.framesLeft = kind === 'error' ? this.limits.framesPerException : 0;
    } else if (kind === 'frame' && this.open && this.framesLeft > 0) {
      this.framesLeft -= 1;
      this.open.lines.push(item);
    } else if (
      kind !== 'blank' &&
      kind !== 'frame' &&
      this.open &&
      this.afterLeft > 0
    ) {
      this.afterLeft -= 1;
      this.open.lines.push(item);
    } else {
      if (kind !== 'frame' && kind !== 'blank') {
        this.before.push(item);
        if (this.before.length > this.limits.contextBefore) this.before.shift();
      }
    }
    if (this.tail.length < this.limits.tailLines) this.tail.push(item);
    else if (this.limits.tailLines > 0) {
      this.tail[this.tailNext] = item;
      this.tailNext = (this.tailNext + 1) % this.limits.tailLines;
    }
  }

  private addWindow(w: Window): void {
    if (this.head.length < this.limits.headWindows) {
      this.head.push(w);
      return;
    }
    this.recent.push(w);
    if (this.recent.length > this.limits.recentWindows) this.recent.shift();
  }

  /** The retained lines in order, and whether any were dropped. */
  finish(): { lines: CollectedLine[]; truncated: boolean } {
    if (this.all) return { lines: this.all, truncated: false };
    const byLine = new Map<number, CollectedLine>();
    for (const w of this.head) for (const l of w.lines) byLine.set(l.line, l);
    for (const w of this.recent) for (const l of w.lines) byLine.set(l.line, l);
    for (const l of this.tail) byLine.set(l.line, l);
    const lines = [...byLine.values()].sort((a, b) => a.line - b.line);
    // Past keepAllUpTo, lines outside the windows were not kept.
    return { lines, truncated: true };
  }
}
