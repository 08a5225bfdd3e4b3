import { ConfigReader } from '@backstage/config';
import type { LinkResult } from '../linking';
import { RoutePolicy } from './RoutePolicy';

const policy = RoutePolicy.fromConfig(
  new ConfigReader({
    pipelineTriage: {
      routing: {
        platformTeam: 'group:default/platform',
        iamTeam: 'group:default/iam',
        fallbackTeam: 'group:default/fallback',
        routes: {
          small_file_pressure: { to: ['platform_team'], copy: ['job_owner'] },
        },
      },
    },
  }),
);

const links: LinkResult = {
  linked: true,
  job: {
    entityRef: 'component:default/load',
    ownerRef: 'group:default/job-team',
    idempotent: false,
    matchedBy: 'x',
  },
  inputs: [
    {
      dataset: 's3://lake/raw',
      table: {
        entityRef: 'resource:default/raw',
        ownerRef: 'group:default/producers',
      },
      contract: {
        entityRef: 'api:default/raw-contract',
        ownerRef: 'group:default/contract-team',
      },
      producers: [
        {
          entityRef: 'component:default/ingest',
          ownerRef: 'group:default/producers',
        },
      ],
      // The event named this dataset, so a data failure is about it.
      datasetRef: {
        namespace: 's3://lake',
        name: 'raw',
        schema: [{ name: 'id' }],
      },
    },
  ],
  outputs: [],
  downstream: [],
  unknownDatasets: [],
};
const noContract: LinkResult = {
  ...links,
  inputs: [{ ...links.inputs[0], contract: undefined }],
};
const unlinked: LinkResult = {
  linked: false,
  inputs: [],
  outputs: [],
  downstream: [],
  unknownDatasets: [],
  unknownJob: 'x/y',
};

describe('RoutePolicy', () => {
  it.each([
    ['schema_drift', links, 'group:default/contract-team'],
    ['schema_drift', noContract, 'group:default/producers'],
    ['data_quality', links, 'group:default/contract-team'],
    ['permission', links, 'group:default/iam'],
    ['resource_exhaustion', links, 'group:default/platform'],
    ['infrastructure', links, 'group:default/platform'],
    ['code_error', links, 'group:default/job-team'],
    ['config_error', links, 'group:default/job-team'],
    ['data_skew', links, 'group:default/job-team'],
    ['dependency_unavailable', links, 'group:default/job-team'],
    ['unknown', links, 'group:default/job-team'],
    ['code_error', unlinked, 'group:default/fallback'],
  ] as const)('routes %s to the right owner', (category, l, recipient) => {
    expect(
      policy.decide({ category, environment: 'prod', links: l }).recipient,
    ).toBe(recipient);
  });

  it('does not blame a table the failure never named, unless a contract violation does', () => {
    const fromLineage: LinkResult = {
      ...links,
      inputs: [{ ...links.inputs[0], datasetRef: undefined }],
    };
    expect(
      policy.decide({
        category: 'data_quality',
        environment: 'prod',
        links: fromLineage,
      }).recipient,
    ).toBe('group:default/job-team');
    expect(
      policy.decide({
        category: 'data_quality',
        environment: 'prod',
        links: fromLineage,
        affectedTables: ['resource:default/raw'],
      }).recipient,
    ).toBe('group:default/contract-team');
  });

  it('copies the job owner on platform failures and names the rule', () => {
    const d = policy.decide({
      category: 'resource_exhaustion',
      environment: 'prod',
      links,
    });
    expect(d).toMatchObject({
      copy: ['group:default/job-team'],
      rule: 'resource_exhaustion:platform_team',
      notify: true,
    });
    expect(d.reason).toMatch(/platform/);
  });

  it('applies configured overrides', () => {
    const d = policy.decide({
      category: 'small_file_pressure',
      environment: 'prod',
      links,
    });
    expect(d).toMatchObject({
      recipient: 'group:default/platform',
      copy: ['group:default/job-team'],
    });
  });

  it('records staging failures without paging anyone', () => {
    const d = policy.decide({
      category: 'code_error',
      environment: 'staging',
      links,
    });
    expect(d).toMatchObject({
      recipient: 'group:default/job-team',
      notify: false,
      copy: [],
    });
    expect(d.reason).toMatch(/staging/);
  });

  it('holds source delays while they are within the SLA', () => {
    expect(
      policy.decide({
        category: 'source_delay',
        environment: 'prod',
        links,
        pastSla: false,
      }).notify,
    ).toBe(false);
    expect(
      policy.decide({ category: 'source_delay', environment: 'prod', links })
        .notify,
    ).toBe(true);
    expect(
      policy.decide({
        category: 'source_delay',
        environment: 'prod',
        links,
        pastSla: true,
      }),
    ).toMatchObject({
      notify: true,
      recipient: 'group:default/producers',
    });
  });
});
