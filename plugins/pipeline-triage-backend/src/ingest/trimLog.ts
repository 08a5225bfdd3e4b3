/**
 * Cuts a log down to what triage reads: the head (how the run started), the lines around every
 * error marker (the cause), and the tail (how it ended), within a byte budget. One pass over the
 * text and memory bounded by the budget, so a 100 MB log costs a fraction of a second.
 */
export interface TrimOptions {
  maxBytes?: number;
  headLines?: number;
  tailLines?: number;
  /** Lines kept before and after each error line. */
  contextLines?: number;
  maxLineBytes?: number;
}

export interface TrimResult {
  text: string;
  trimmed: boolean;
  originalBytes: number;
}

const MARKERS =
  /ERROR|FATAL|Exception|[Ee]rror:|Caused by|Traceback|[Ff]ailed|FAILED/g;

/** Error windows remembered from each end of the log; the budget runs out long before. */
const MAX_WINDOWS = 1000;
/** A run of consecutive error lines is split into windows of at most this many lines. */
const MAX_WINDOW_LINES = 12;
/** Charged per kept segment for the "… N lines trimmed …" line that may precede it. */
const GAP_COST = 48;

interface Line {
  index: number;
  start: number;
  end: number;
}

/** Fixed-size memory of the most recent items. */
class Ring<T> {
  private readonly items: T[] = [];
  private next = 0;
  constructor(private readonly size: number) {}
  push(item: T) {
    if (this.size === 0) return;
    if (this.items.length < this.size) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.size;
  }
  /** Oldest first. */
  toArray(): T[] {
    if (this.items.length < this.size) return [...this.items];
    return [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }
}

export function trimLog(text: string, options: TrimOptions = {}): TrimResult {
  const maxBytes = options.maxBytes ?? 64 * 1024;
  const headLines = options.headLines ?? 40;
  const tailLines = options.tailLines ?? 200;
  const context = options.contextLines ?? 2;
  const maxLineBytes = options.maxLineBytes ?? 4 * 1024;
  const originalBytes = Buffer.byteLength(text, 'utf8');

  const head: Line[] = [];
  const tail = new Ring<Line>(tailLines);
  const recent = new Ring<Line>(context);
  const firstWindows: Line[][] = [];
  const lastWindows = new Ring<Line[]>(MAX_WINDOWS);
  let open: Line[] | undefined;
  let openUntil = -1;
  let longLine = false;

  const markers = new RegExp(MARKERS.source, 'g');
  let nextMarker = findFrom(markers, text, 0);
  let start = 0;
  let index = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const line: Line = { index, start, end };
    if (end - start > maxLineBytes / 3) longLine = true;
    if (head.length < headLines) head.push(line);
    tail.push(line);

    const isMarker = nextMarker !== -1 && nextMarker < end;
    if (isMarker) nextMarker = findFrom(markers, text, end);
    if (isMarker) {
      if (open && open.length < MAX_WINDOW_LINES) {
        open.push(line);
      } else {
        open = [...recent.toArray(), line];
        if (firstWindows.length < MAX_WINDOWS) firstWindows.push(open);
        else lastWindows.push(open);
      }
      openUntil = index + context;
    } else if (open && index <= openUntil) {
      open.push(line);
    } else {
      open = undefined;
    }
    recent.push(line);
    if (nl === -1) break;
    start = nl + 1;
    index++;
  }
  const lineCount = index + 1;

  const slice = (l: Line) =>
    capLine(stripCr(text.slice(l.start, l.end)), maxLineBytes);
  if (originalBytes <= maxBytes && !longLine)
    return { text, trimmed: false, originalBytes };
  if (originalBytes <= maxBytes) {
    // Short enough, but some lines are too long: keep every line, cut the long ones.
    const lines = text.split('\n').map(l => capLine(stripCr(l), maxLineBytes));
    return {
      text: lines.map(l => l.text).join('\n'),
      trimmed: lines.some(l => l.capped),
      originalBytes,
    };
  }

  const kept = new Map<number, string>();
  let used = 0;
  /** Adds a run of adjacent lines if it fits whole; half a window would hide the line that matters. */
  const take = (lines: Line[], budget: number): boolean => {
    const fresh = lines.filter(l => !kept.has(l.index));
    if (fresh.length === 0) return true;
    const texts = fresh.map(l => slice(l).text);
    const joinsKept =
      kept.has(fresh[0].index - 1) ||
      kept.has(fresh[fresh.length - 1].index + 1);
    const cost =
      (joinsKept ? 0 : GAP_COST) +
      texts.reduce((n, t) => n + Buffer.byteLength(t) + 1, 0);
    if (used + cost > budget) return false;
    fresh.forEach((l, i) => kept.set(l.index, texts[i]));
    used += cost;
    return true;
  };
  const takeEach = (lines: Line[], budget: number) => {
    for (const line of lines) if (!take([line], budget)) break;
  };

  const tailNewestFirst = tail.toArray().reverse();
  takeEach(head, maxBytes * 0.15);
  takeEach(tailNewestFirst, used + maxBytes * 0.4);
  // Alternate from both ends: the first error is often the cause, the last one the outcome.
  const last = lastWindows.toArray().reverse();
  for (let i = 0; i < Math.max(firstWindows.length, last.length); i++) {
    if (i < firstWindows.length) take(firstWindows[i], maxBytes);
    if (i < last.length) take(last[i], maxBytes);
  }
  // What the errors left over goes to the rest of the tail and head.
  takeEach(tailNewestFirst, maxBytes);
  takeEach(head, maxBytes);
  // A budget too small for even one segment still returns the last line, cut to fit.
  if (kept.size === 0) {
    const lastLine = tailNewestFirst[0];
    kept.set(
      lastLine.index,
      capLine(slice(lastLine).text, Math.max(0, maxBytes - GAP_COST)).text,
    );
  }

  return {
    text: assemble(kept, lineCount, maxBytes),
    trimmed: true,
    originalBytes,
  };
}

function findFrom(re: RegExp, text: string, from: number): number {
  re.lastIndex = from;
  const match = re.exec(text);
  return match ? match.index : -1;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function gap(count: number): string {
  return `… ${count} line${count === 1 ? '' : 's'} trimmed …`;
}

function assemble(
  kept: Map<number, string>,
  lineCount: number,
  maxBytes: number,
): string {
  const out: string[] = [];
  let previous = -1;
  for (const index of [...kept.keys()].sort((a, b) => a - b)) {
    if (index > previous + 1) out.push(gap(index - previous - 1));
    out.push(kept.get(index)!);
    previous = index;
  }
  if (previous < lineCount - 1) out.push(gap(lineCount - 1 - previous));
  const text = out.join('\n');
  return Buffer.byteLength(text) <= maxBytes ? text : cutBytes(text, maxBytes);
}

/** Cuts one line to `maxBytes` UTF-8 bytes, saying how much was dropped. */
export function capLine(
  line: string,
  maxBytes: number,
): { text: string; capped: boolean } {
  if (line.length * 3 <= maxBytes) return { text: line, capped: false };
  const bytes = Buffer.byteLength(line);
  if (bytes <= maxBytes) return { text: line, capped: false };
  const note = ` … [${bytes} bytes, cut]`;
  return {
    text:
      cutBytes(line, Math.max(0, maxBytes - Buffer.byteLength(note))) + note,
    capped: true,
  };
}

function cutBytes(text: string, maxBytes: number): string {
  const head = Buffer.from(text.slice(0, maxBytes), 'utf8')
    .subarray(0, maxBytes)
    .toString('utf8');
  // A multi-byte character cut in half decodes as U+FFFD; drop it.
  return head.replace(/\uFFFD$/, '');
}
