import {
  Classification,
  FailureEvent,
  MissingEvidence,
  WORD_MODEL_RULE,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Evidence } from '../evidence';
import { EVIDENCE_REQUESTS, RequestIds } from './evidenceRequests';
import { detectPlatforms } from './platforms';

const MAX_REQUESTS = 4;

function first(evidence: Evidence, re: RegExp): string | undefined {
  for (const line of evidence.lines) {
    const m = re.exec(line.text);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

// Wording that names a setting: a CLI flag, a ${placeholder}, a quoted option/key/variable.
const SETTING_PATTERNS: RegExp[] = [
  /(?:arguments? (?:are |is )?required:|Missing (?:required )?(?:option|argument|parameter)s?:?|No such option:|unrecognized arguments?:|Unrecognized option:?) ['"]?(--?[\w-]+)/i,
  /\$\{([\w.-]+)\}/,
  /(?:configuration|config|setting|option|parameter|property|placeholder|key|variable|field)s? ['"`]([\w.-]{2,80})['"`]/i,
  /environment variable ['"`$]?([A-Z][A-Z0-9_]{2,})/i,
];
const VERSION_MISMATCH =
  /NoSuchMethodError|NoSuchFieldError|NoClassDefFoundError|IncompatibleClassChangeError|AbstractMethodError|UnsupportedClassVersionError|cannot import name|has no attribute|requires (?:a different )?Python|ResolutionImpossible|conflicting dependencies/;

function settingNamed(evidence: Evidence): string | undefined {
  for (const re of SETTING_PATTERNS) {
    const found = first(evidence, re);
    if (found) return found;
  }
  return undefined;
}

function requestIds(event: FailureEvent, evidence: Evidence): RequestIds {
  return {
    stage: first(evidence, /\bstage (\d+)(?:\.\d+)?\b/i),
    queryId: first(
      evidence,
      /\b[Qq]uery(?: ?ID)?[:=\s]+["']?([0-9a-f-]{8,}|\d{3,})\b/,
    ),
    bqJob: first(evidence, /\b(bqjob_\w+|[\w-]+:[A-Z]{2}\.[\w-]+)\b/),
    glueRun: first(evidence, /\b(jr_[0-9a-f]{16,})\b/i),
    pod: first(evidence, /\b[Pp]od[: ]+["']?([a-z0-9][a-z0-9.-]{4,62})["']?/),
    model:
      event.job.dbtUniqueId?.split('.').pop() ??
      first(evidence, /(?:Error|Failure) in (?:model|test|snapshot) ([\w.-]+)/),
    task: event.job.airflowTaskId,
    exitCode: evidence.signals.exitCodes[0],
    setting: settingNamed(evidence),
    configFile: first(
      evidence,
      /["'`(\s]((?:[\w.-]*\/)*[\w.-]+\.(?:ya?ml|conf|cfg|ini|properties|toml|env|hocon))\b/,
    ),
    missingName: first(
      evidence,
      /(?:No module named|Can't load plugin:|ClassNotFoundException:|NoClassDefFoundError:|which name matches|factory for identifier) ['"]?([\w.:$/-]*[\w$])/,
    ),
    versionMismatch: evidence.lines.some(l => VERSION_MISMATCH.test(l.text)),
    bucket:
      first(
        evidence,
        /(?:PermanentRedirect|InvalidBucketName|NoSuchBucket|bucket is not valid|must be addressed)[\s\S]*?\b(?:s3a?|gs|abfss?):\/\/([a-z0-9][\w.-]{1,62})/i,
      ) ??
      first(
        evidence,
        /\b(?:s3a?|gs):\/\/([a-z0-9][\w.-]{1,62}).{0,200}(?:PermanentRedirect|InvalidBucketName|NoSuchBucket|must be addressed using the specified endpoint)/i,
      ),
  };
}

/** What the event lacked, in words a responder can act on. */
function whatIsMissing(
  evidence: Evidence,
  classification: Classification,
  hasWriteSignals: boolean,
): string[] {
  const out: string[] = [];
  const errorLines = evidence.lines.filter(
    l => l.role === 'root' || l.role === 'cause' || l.role === 'error',
  );
  const wrappersOnly =
    errorLines.length === 0 && evidence.lines.some(l => l.role === 'wrapper');
  if (evidence.lines.length === 0)
    out.push('the event carries no log or error message at all');
  else if (wrappersOnly)
    out.push(
      'the root cause: the log holds only wrapper lines ("Job aborted", "Task failed") around it',
    );
  else if (errorLines.length === 0)
    out.push('an error line: nothing in the log reads as the failure itself');
  if (evidence.signals.exitCodes.length > 0 && errorLines.length <= 1) {
    out.push(
      `why the process exited with code ${evidence.signals.exitCodes[0]}: the exit code is the only trace of the failure`,
    );
  }
  if (evidence.truncated)
    out.push(
      'the part of the log the reader dropped to stay within its bounds',
    );
  const scored = classification.hypotheses.filter(
    h => h.category !== 'unknown' && h.score > 0,
  );
  const [a, b] = scored;
  if (classification.rules.includes(WORD_MODEL_RULE)) {
    out.push(
      `a finding that confirms ${classification.category}: no rule recognised the failure, and the category is a lead from the words of its error lines`,
    );
  } else if (a && b && b.score >= a.score * 0.8) {
    out.push(
      `a finding that separates ${a.category} (${a.score.toFixed(2)}) from ${
        b.category
      } (${b.score.toFixed(2)}): both explain the lines equally`,
    );
  } else if (a) {
    out.push(
      `specific evidence: only weak findings point to ${
        a.category
      } (${a.score.toFixed(2)})`,
    );
  } else if (out.length === 0) {
    out.push(
      'a line any rule recognises: no error code, exception class or vendor message the engine knows',
    );
  }
  if (!hasWriteSignals) out.push('whether the run wrote output before failing');
  return out;
}

/**
 * For an abstention: what evidence is missing and which attachments or signals would settle
 * it, chosen by the platforms the event and log reveal (evidenceRequests.ts).
 */
export function missingEvidence(
  event: FailureEvent,
  evidence: Evidence,
  classification: Classification,
): MissingEvidence | undefined {
  if (
    classification.category !== 'unknown' &&
    !classification.rules.includes(WORD_MODEL_RULE)
  )
    return undefined;
  const platforms = new Set(detectPlatforms(event, evidence));
  const ids = requestIds(event, evidence);
  const s = evidence.signals;
  const hasWriteSignals =
    s.rowsWritten !== undefined ||
    s.commitsDuringRun !== undefined ||
    s.partitionsWritten !== undefined;
  const requests = EVIDENCE_REQUESTS.filter(r => {
    if (r.id === 'write-signals' && hasWriteSignals) return false;
    if (r.platforms && !r.platforms.some(p => platforms.has(p))) return false;
    return !r.when || r.when(ids, platforms);
  })
    .slice(0, MAX_REQUESTS)
    .map(r => ({ ask: r.ask(ids), why: r.why }));
  return {
    missing: whatIsMissing(evidence, classification, hasWriteSignals),
    requests,
  };
}
