import { capLine } from './capLine';
import { EVIDENCE_LIMITS, EvidenceLimits } from './limits';
import { isNotable, lineKind, LineKind } from './lineKind';
import type { Section } from './types';

export interface CollectedLine {
  line: number;
  section: Section;
  text: string;
  lower: string;
  kind: LineKind;
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
  private readonly tail: CollectedLine[] = [];
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
    const lower = text.toLowerCase();
    let kind = lineKind(text, lower);
    // The source line Python prints under `File "...", line N` is part of the frame.
    if (this.previousPyFrame && kind !== 'frame' && /^\s/.test(text)) kind = 'frame';
    this.previousPyFrame = kind === 'frame' && /File "/.test(text);
    const item: CollectedLine = { line: this.lineNo, section, text, lower, kind };
    if (kind === 'error') this.errors += 1;
    else if (kind === 'warning') this.warnings += 1;
    if (kind !== 'blank' && lower.includes('lost task')) this.lostTasks += 1;

    if (this.all) {
      this.all.push(item);
      if (this.all.length > this.limits.keepAllUpTo) this.all = undefined;
    }
    this.keepBounded(item);
  }

  private keepBounded(item: CollectedLine): void {
    const { kind } = item;
    const interesting =
      kind === 'error' || kind === 'warning' || (kind === 'context' && isNotable(item.lower));
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
    } else if (kind !== 'blank' && kind !== 'frame' && this.open && this.afterLeft > 0) {
      this.afterLeft -= 1;
      this.open.lines.push(item);
    } else {
      if (kind !== 'frame' && kind !== 'blank') {
        this.before.push(item);
        if (this.before.length > this.limits.contextBefore) this.before.shift();
      }
    }
    this.tail.push(item);
    if (this.tail.length > this.limits.tailLines) this.tail.shift();
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
