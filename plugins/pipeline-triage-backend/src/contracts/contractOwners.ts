import type { ContractMember, ParsedContract, SupportChannel } from './types';

export interface ContractOwnersOptions {
  /** Members whose dateOut is before this left the team (default: now). */
  now?: Date;
  /** Roles that make a member an owner (default: any role with the word "owner"). */
  ownerRole?: RegExp;
}

/** Who a contract says to route its breakages to. */
export interface ContractOwners {
  /** ODCS team name, or DCS info.owner. */
  team?: string;
  /** Usernames of the owners: members with an owner role, else every current member. */
  usernames: string[];
  /** Emails known for those owners (usernames that are emails, DCS contact email). */
  emails: string[];
  members: ContractMember[];
  /** True when the owners were picked by role, false when every member was taken. */
  byRole: boolean;
  /** The support channel with scope `issues`: where breakages are reported. */
  issues?: SupportChannel;
}

const OWNER_ROLE = /\bowner\b/i;

function hasLeft(member: ContractMember, now: Date): boolean {
  if (!member.dateOut) return false;
  const out = Date.parse(member.dateOut);
  return !Number.isNaN(out) && out <= now.getTime();
}

/**
 * The owners of a contract for routing: ODCS team members whose role says owner (owner, data
 * owner, product owner), else all current members; the team name or DCS info.owner; and the
 * support channel for issues. Members who left (dateOut in the past) are skipped. The caller maps
 * usernames and emails to catalog users.
 */
export function contractOwners(
  contract: ParsedContract,
  options: ContractOwnersOptions = {},
): ContractOwners {
  const now = options.now ?? new Date();
  const role = options.ownerRole ?? OWNER_ROLE;
  const current = contract.owner.members.filter(m => !hasLeft(m, now));
  const owners = current.filter(m => m.role && role.test(m.role));
  const members = owners.length ? owners : current;

  const result: ContractOwners = {
    usernames: [...new Set(members.map(m => m.username))],
    emails: [...new Set(members.flatMap(m => (m.email ? [m.email] : [])))],
    members,
    byRole: owners.length > 0,
  };
  if (contract.owner.team) result.team = contract.owner.team;
  const issues = contract.support.find(
    s => s.scope?.toLowerCase() === 'issues',
  );
  if (issues) result.issues = issues;
  return result;
}
