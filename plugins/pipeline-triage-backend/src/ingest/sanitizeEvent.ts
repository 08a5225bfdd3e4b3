import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { redactDeep } from '../redact';
import { storableDeep } from './storableText';
import { trimLog } from './trimLog';

export const LOG_EXCERPT_BYTES = 64 * 1024;
export const STACK_TRACE_BYTES = 64 * 1024;
export const ERROR_MESSAGE_BYTES = 16 * 1024;

/**
 * What every accepted event goes through before it is stored: characters the database refuses
 * replaced (see storableText), secrets out (on the full text, so no secret is cut in half and
 * missed), then the long texts trimmed to their budgets.
 */
export function sanitizeEvent(event: FailureEvent): {
  event: FailureEvent;
  logTrimmed: boolean;
} {
  const clean = redactDeep(storableDeep(event));
  let logTrimmed = false;
  const trim = (text: string | undefined, maxBytes: number) => {
    if (text === undefined) return undefined;
    const result = trimLog(text, { maxBytes });
    logTrimmed ||= result.trimmed;
    return result.text;
  };
  const out: FailureEvent = {
    ...clean,
    errorMessage: trim(clean.errorMessage, ERROR_MESSAGE_BYTES),
    stackTrace: trim(clean.stackTrace, STACK_TRACE_BYTES),
    logExcerpt: trim(clean.logExcerpt, LOG_EXCERPT_BYTES),
  };
  for (const key of ['errorMessage', 'stackTrace', 'logExcerpt'] as const) {
    if (out[key] === undefined) delete out[key];
  }
  return { event: out, logTrimmed };
}
