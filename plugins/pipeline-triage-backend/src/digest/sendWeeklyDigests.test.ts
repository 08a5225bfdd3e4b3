import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { TriageVerdict } from '@pipeline-triage/plugin-pipeline-triage-common';
import { DateTime } from 'luxon';
import { IncidentService } from '../service/IncidentService';
import { KnexTriageStore, migrateStore } from '../store';
import { sendWeeklyDigests } from './sendWeeklyDigests';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

function verdict(
  category: 'permission' | 'code_error',
  signature: string,
): TriageVerdict {
  return {
    classification: {
      category,
      domain: category === 'permission' ? 'infra' : 'code',
      confidence: 0.9,
      evidence: [],
      rules: [],
      hypotheses: [],
      source: 'rules',
    },
    partialWrite: { partialWrite: 'false', reason: '' },
    retry: { safeToRetry: false, reason: '' },
    recommendation: { action: '', diagnostics: [], prevention: '' },
    severity: 'high',
    signature,
    summary: `${category} failure ${signature}`,
  };
}

describe('sendWeeklyDigests', () => {
  it('sends each team with incidents last week one digest by cause, with repeats', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateStore(knex);
    const store = new KnexTriageStore(knex);
    const lastWeek = DateTime.utc().startOf('week').minus({ days: 3 });
    let n = 0;
    const record = async (
      team: string,
      category: 'permission' | 'code_error',
      signature: string,
      at: DateTime,
    ) => {
      n++;
      const event = {
        source: 'generic' as const,
        outcome: 'fail' as const,
        job: { namespace: 'airflow', name: `job_${signature}` },
        runId: `r${n}`,
        eventTime: at.toISO()!,
      };
      const [accepted] = await store.acceptEvents([
        {
          key: `k${n}`,
          event,
          sender: 'test',
          logTrimmed: false,
          quiet: false,
        },
      ]);
      await store.recordFailure(
        {
          eventId: accepted.id,
          event,
          jobKey: `airflow/job_${signature}`,
          environment: 'prod',
          verdict: verdict(category, signature),
          evidenceLines: [],
          causeChain: [],
          route: {
            recipient: team,
            copy: [],
            rule: 'x',
            reason: 'x',
            notify: true,
          },
          linked: true,
          linkedEntities: [],
          entityIndex: [{ entityRef: team, role: 'routed' }],
          week: at.toFormat("kkkk-'W'WW"),
        },
        { reopenWindowHours: 72 },
      );
    };
    await record('group:default/iam-security', 'permission', 'a', lastWeek);
    await record(
      'group:default/iam-security',
      'permission',
      'a',
      lastWeek.plus({ hours: 1 }),
    );
    await record(
      'group:default/iam-security',
      'code_error',
      'b',
      lastWeek.plus({ hours: 2 }),
    );
    await record(
      'group:default/finance-data',
      'code_error',
      'c',
      lastWeek.minus({ weeks: 3 }),
    );

    const sent: NotificationSendOptions[] = [];
    const count = await sendWeeklyDigests({
      store,
      incidents: new IncidentService({
        store,
        verdicts: { override: async () => undefined },
        renderReport: () => '',
        weekZone: 'utc',
      }),
      notifications: { send: async options => void sent.push(options) },
      logger: mockServices.logger.mock(),
    });

    expect(count).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: 'group:default/iam-security',
    });
    expect(sent[0].payload.title).toBe(
      `Pipeline failures routed to iam-security in ${lastWeek.toFormat(
        "kkkk-'W'WW",
      )}: 3`,
    );
    expect(sent[0].payload.description).toMatch(
      /By cause: Permission 2, Code error 1\./,
    );
    expect(sent[0].payload.description).toMatch(
      /Top repeat failures: permission failure a \(2×, job_a\)/,
    );
    expect(sent[0].payload.scope).toBe(
      `pipeline-triage:digest:group:default/iam-security:${lastWeek.toFormat(
        "kkkk-'W'WW",
      )}`,
    );
  });
});
