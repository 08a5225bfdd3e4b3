import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Evidence } from '../evidence';
import { DETERMINISTIC_SIGNS } from './deterministicSigns';
import { misalignedSensorTarget } from './sensorAlignment';
import { replicaSetMembersOutsideSeeds } from './replicaSetMembers';

/**
 * Evidence that a failure of a usually-transient category will not pass on its own: the
 * request itself was rejected (HTTP 4xx), the container was killed for memory, the tool
 * says the error is permanent, or one of the deterministic signs (deterministicSigns.ts).
 * It can only turn a retry "yes" into "no", never the reverse.
 */
const PERMANENT_WORDS =
  /\bnon-?retr(?:y|i)able\b|\bnot retr(?:y|i)able\b|\bretr(?:y|i)able["']?\s*[:=]\s*false\b|\bpermanent (?:error|failure)\b|\bwill not succeed\b|\bdo not retry\b/i;

/** The job's own restart strategy already retried and gave up: the failure persisted. */
const RESTARTS_EXHAUSTED =
  /Recovery is suppressed by \w*RestartBackoffTimeStrategy|restart attempts? (?:exhausted|exceeded)|exhausted (?:all )?(?:its |the )?(?:restart|retry) attempts/i;

/**
 * A 4xx whose own line names a rate limit is the vendor's throttling (BigQuery reports
 * rateLimitExceeded as 400 or 403), not a rejected request.
 */
const RATE_LIMITED =
  /\brate ?limits?\b|\brateLimitExceeded\b|\bToo Many Requests\b|\bthrottl|\bRate exceeded\b/i;

/**
 * Compute Engine reports a zonal stockout ("The zone ... does not have enough resources
 * available to fulfill the request", ZONE_RESOURCE_POOL_EXHAUSTED; "Troubleshooting resource
 * availability errors", cloud.google.com/compute/docs/resource-error: try again later or in
 * another zone); Dataproc wraps it in a 400/INVALID_ARGUMENT, which is then not a rejected request.
 */
const ZONAL_STOCKOUT =
  /\bZONE_RESOURCE_POOL_EXHAUSTED\b|\bdoes not have enough resources available to fulfill the request\b|\bGCE_STOCKOUT\b/;

/**
 * BigQuery's client reads a failed job's result through jobs.getQueryResults, which answers
 * 400 carrying the job's own error; when that error is the service's internal one
 * (internalError/backendError, "Troubleshoot errors", cloud.google.com/bigquery/docs/error-messages)
 * the 400 is the transport of a server-side failure, not a rejected request.
 */
const JOB_FAILED_INTERNALLY =
  /\bThe job encountered an internal error during execution\b|\bThe job encountered an error during execution\. Retrying the job may solve the problem\b|\b(?:backendError|jobInternalError|jobBackendError)\b/;

const CLIENT_ERRORS = new Set([
  '400',
  '404',
  '405',
  '409',
  '410',
  '411',
  '412',
  '413',
  '414',
  '415',
  '422',
]);

export function nonTransientReason(
  evidence: Evidence,
  category?: Category,
): { reason: string; lineId?: string } | undefined {
  // A rejected request counts on any line that reports the failure, not only the root: tools
  // reword the status in their own wrapper ("AirflowException: 400:Bad Request").
  const decisive = evidence.lines.filter(
    l =>
      l.role === 'root' ||
      l.role === 'cause' ||
      l.role === 'error' ||
      l.role === 'wrapper',
  );
  // A 404 for late data is the expected symptom of the delay, not a rejected request.
  const ignored =
    category === 'source_delay' ? new Set(['404', '410']) : new Set<string>();
  const stockout = evidence.lines.some(
    l => l.role !== 'frame' && ZONAL_STOCKOUT.test(l.text),
  );
  const clientError = evidence.codes.find(
    c =>
      !stockout &&
      c.system === 'http' &&
      CLIENT_ERRORS.has(c.code) &&
      !ignored.has(c.code) &&
      decisive.some(l => l.id === c.lineId) &&
      !RATE_LIMITED.test(evidence.byId.get(c.lineId)?.text ?? '') &&
      !JOB_FAILED_INTERNALLY.test(evidence.byId.get(c.lineId)?.text ?? ''),
  );
  if (clientError) {
    return {
      reason: `the service rejected the request itself (HTTP ${clientError.code}), which a rerun repeats`,
      lineId: clientError.lineId,
    };
  }
  if (
    evidence.signals.exitCodes.includes(137) ||
    evidence.signals.killSignals.includes('OOMKilled')
  ) {
    return {
      reason:
        'a container was killed for memory (exit 137), which an unchanged rerun is likely to repeat',
    };
  }
  const exhausted = evidence.lines.find(
    l => l.role !== 'frame' && RESTARTS_EXHAUSTED.test(l.text),
  );
  if (exhausted) {
    return {
      reason: `the job's restart strategy already retried and gave up (${exhausted.id}), so the failure persists`,
      lineId: exhausted.id,
    };
  }
  const misaligned = misalignedSensorTarget(evidence);
  if (misaligned) {
    return {
      reason: `the sensor waits for an upstream run at ${misaligned.poked}, another time of day than its own run (${misaligned.own}), and nothing shows the upstream has a run at that instant (${misaligned.line.id}); check the execution_delta before waiting for it`,
      lineId: misaligned.line.id,
    };
  }
  const outsideSeeds = replicaSetMembersOutsideSeeds(evidence);
  if (outsideSeeds) {
    return {
      reason: `the replica set's configuration names members (${outsideSeeds.members.join(
        ', ',
      )}) that are none of the connection string's hosts, and the driver, which follows the set's configuration, cannot reach them (${
        outsideSeeds.line.id
      }); every attempt gets the same member list until rs.conf() or the network changes`,
      lineId: outsideSeeds.line.id,
    };
  }
  for (const line of evidence.lines) {
    if (line.role === 'frame') continue;
    for (const sign of DETERMINISTIC_SIGNS) {
      if (!sign.patterns.some(re => re.test(line.text))) continue;
      if (
        sign.alongside &&
        !evidence.lines.some(
          l =>
            l.role !== 'frame' && sign.alongside!.some(re => re.test(l.text)),
        )
      )
        continue;
      if (
        sign.unlessAnywhere &&
        evidence.lines.some(
          l =>
            l.role !== 'frame' &&
            sign.unlessAnywhere!.some(re => re.test(l.text)),
        )
      )
        continue;
      return { reason: `${sign.why} (${line.id})`, lineId: line.id };
    }
  }
  const permanent = evidence.lines.find(
    l => l.role !== 'frame' && PERMANENT_WORDS.test(l.text),
  );
  if (permanent) {
    return {
      reason: `the error is reported as permanent (${permanent.id})`,
      lineId: permanent.id,
    };
  }
  return undefined;
}
