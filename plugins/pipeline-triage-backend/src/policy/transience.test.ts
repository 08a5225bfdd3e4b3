import { extractEvidence } from '../evidence';
import { nonTransientReason } from './transience';

const reason = (logExcerpt: string, exitCode?: number) =>
  nonTransientReason(
    extractEvidence({
      logExcerpt,
      signals: exitCode ? { exitCode } : undefined,
    }),
    'dependency_unavailable',
  );

describe('nonTransientReason', () => {
  it('leaves a plain transient failure alone', () => {
    expect(
      reason(
        'requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://api.example.com/x',
      ),
    ).toBeUndefined();
  });

  it('treats a restart strategy that gave up as a failure that persists', () => {
    const log = [
      'org.apache.flink.runtime.JobException: Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=12, backoffTimeMS=10000)',
      'Caused by: org.apache.kafka.common.errors.TimeoutException: Timeout of 60000ms expired before the position for partition payments-5 could be determined',
    ].join('\n');
    expect(reason(log)?.reason).toMatch(/restart strategy/);
  });

  it('refuses a request the service rejected and a memory kill', () => {
    expect(
      reason(
        'requests.exceptions.HTTPError: 400 Client Error: Bad Request for url: https://api.example.com/x',
      )?.reason,
    ).toMatch(/HTTP 400/);
    expect(
      reason('Task exited with return code Negsignal.SIGKILL', 137)?.reason,
    ).toMatch(/137/);
  });
});
