/**
 * Exit codes and kill signals printed by shells, YARN, Kubernetes, Airflow and Python.
 * 128+N means "killed by signal N"; Python reports a signal as a negative return code.
 */
export interface ExitFacts {
  exitCodes: number[];
  signals: string[];
}

const EXIT_PATTERNS: RegExp[] = [
  /\bexit(?:ed)?(?: with)?(?: return)? (?:code|status)(?: is| of)?[\s:=]+(-?\d{1,3})\b/gi,
  /\bExit status: (-?\d{1,3})\b/g,
  /\breturn(?:ed)? (?:code|status) (-?\d{1,3})\b/gi,
  /\bexit_?[cC]ode["']?\s*[:=]\s*(-?\d{1,3})\b/g,
  /non-zero exit (?:status|code) (-?\d{1,3})\b/g,
  // YARN container reports: exitStatus=-104
  /\bexitStatus[=:] ?(-?\d{1,3})\b/g,
];

const SIGNAL_NAMES: Record<number, string> = {
  6: 'SIGABRT',
  7: 'SIGBUS',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  15: 'SIGTERM',
};

/** The signal an exit code stands for, if any. */
export function signalOfExitCode(code: number): string | undefined {
  if (code < 0) return SIGNAL_NAMES[-code];
  if (code > 128 && code < 160) return SIGNAL_NAMES[code - 128];
  return undefined;
}

export function extractExitFacts(text: string, lower: string): ExitFacts {
  const exitCodes: number[] = [];
  const signals: string[] = [];
  if (lower.includes('exit') || lower.includes('return')) {
    for (const p of EXIT_PATTERNS) {
      p.lastIndex = 0;
      for (let m = p.exec(text); m; m = p.exec(text)) {
        const n = Number(m[1]);
        if (!exitCodes.includes(n)) exitCodes.push(n);
      }
    }
  }
  if (lower.includes('sig')) {
    const re = /\b(SIG(?:KILL|TERM|SEGV|ABRT|INT|BUS|HUP))\b/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!signals.includes(m[1])) signals.push(m[1]);
    }
  }
  if (lower.includes('oomkilled')) signals.push('OOMKilled');
  // The shell prints a bare "Killed" when the kernel OOM killer ends a process.
  if (/^\s*Killed\s*$/.test(text) && !signals.includes('SIGKILL'))
    signals.push('SIGKILL');
  for (const code of exitCodes) {
    const s = signalOfExitCode(code);
    if (s && !signals.includes(s)) signals.push(s);
  }
  return { exitCodes, signals };
}
