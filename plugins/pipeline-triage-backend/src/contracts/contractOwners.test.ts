import { contractOwners } from './contractOwners';
import { parseContract } from './parseContract';
import { exampleContract } from './__testUtils__';
import { isContractError, ParsedContract } from './types';

function parsed(text: string): ParsedContract {
  const result = parseContract(text, {});
  if (isContractError(result)) throw new Error(result.message);
  return result;
}

const HEADER =
  'apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n';

describe('contractOwners', () => {
  it('ODCS v3.1 team object: the member whose role is owner, and the issues channel', () => {
    const owners = contractOwners(exampleContract('orders'));
    expect(owners).toMatchObject({
      team: 'checkout-producers',
      usernames: ['kenji.watanabe'],
      emails: [],
      byRole: true,
      issues: {
        channel: 'CHKDATA',
        tool: 'ticket',
        scope: 'issues',
        url: 'https://jira.acme.example/projects/CHKDATA/issues',
      },
    });
    expect(owners.members[0]).toMatchObject({
      path: 'team.members[0]',
      line: 35,
    });
  });

  it('ODCS v3.0 team array', () => {
    const owners = contractOwners(exampleContract('payments'));
    expect(owners.team).toBeUndefined();
    expect(owners.usernames).toEqual(['kenji.watanabe']);
    expect(owners.issues?.channel).toBe('CHKDATA');
  });

  it('DCS: info.owner and the contact', () => {
    const owners = contractOwners(exampleContract('customers'));
    expect(owners).toMatchObject({
      team: 'checkout-producers',
      usernames: ['checkout-producers@acme.example'],
      emails: ['checkout-producers@acme.example'],
      byRole: false,
      issues: {
        scope: 'issues',
        url: 'https://jira.acme.example/projects/CHKDATA/issues',
      },
    });
  });

  it('recognises owner roles in other words, and skips members who left', () => {
    const c = parsed(`${HEADER}team:
  members:
    - { username: ada@acme.example, role: Data Product Owner }
    - { username: old.owner, role: owner, dateOut: "2020-01-01", replacedByUsername: bob }
    - { username: bob, role: Product Owner, dateIn: "2020-01-01" }
    - { username: eve, role: engineer }
`);
    const owners = contractOwners(c, { now: new Date('2025-06-01T00:00:00Z') });
    expect(owners.usernames).toEqual(['ada@acme.example', 'bob']);
    expect(owners.emails).toEqual(['ada@acme.example']);
    expect(owners.issues).toBeUndefined();
    // Before old.owner left, they were an owner too.
    expect(
      contractOwners(c, { now: new Date('2019-06-01T00:00:00Z') }).usernames,
    ).toContain('old.owner');
  });

  it('takes every current member when no role says owner', () => {
    const c = parsed(`${HEADER}team:
  - { username: a, role: dpo }
  - { username: b }
  - { username: c, role: dpo, dateOut: "2021-04-01" }
`);
    expect(contractOwners(c, { now: new Date('2025-01-01') })).toMatchObject({
      usernames: ['a', 'b'],
      byRole: false,
    });
  });

  it('accepts a caller-defined owner role', () => {
    const c = parsed(
      `${HEADER}team:\n  - { username: a, role: data steward }\n  - { username: b, role: owner }\n`,
    );
    expect(contractOwners(c, { ownerRole: /steward/i }).usernames).toEqual([
      'a',
    ]);
  });

  it('is empty for a contract without a team', () => {
    expect(contractOwners(parsed(HEADER))).toEqual({
      usernames: [],
      emails: [],
      members: [],
      byRole: false,
    });
  });
});
