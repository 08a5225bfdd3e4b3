import type { Evidence, ScannedLine } from '../evidence';

/**
 * A MongoDB driver connects to the seed hosts of its connection string only to discover the
 * replica set; from then on it monitors the members the set's own configuration lists, and
 * drops seeds that are not among them (MongoDB "Server Discovery and Monitoring" specification,
 * github.com/mongodb/specifications, source/server-discovery-and-monitoring: updateRSWithoutPrimary
 * / updateRSFromPrimary). When a server-selection timeout's topology lists only members that are
 * none of the seed hosts, the seeds answered and named members this client cannot reach: the
 * members' host names in the replica set configuration (rs.conf()) are wrong for this client,
 * which every attempt meets again. An SRV connection string names no hosts, so it is left out.
 */
const SEED_LIST = /\bmongodb:\/\/(?:[^@\s/]*@)?([^/\s?]+)/;
const TOPOLOGY =
  /\bServerSelectionTimeoutError\b.*\btopology_type: ReplicaSet(?:NoPrimary|WithPrimary)\b/;
const TOPOLOGY_MEMBER = /<ServerDescription \('([^']+)', \d+\)/g;

const hostOf = (hostPort: string) =>
  hostPort.replace(/:\d+$/, '').toLowerCase();

export function replicaSetMembersOutsideSeeds(
  evidence: Evidence,
): { line: ScannedLine; members: string[] } | undefined {
  let seeds: string[] | undefined;
  for (const line of evidence.lines) {
    if (line.role === 'frame') continue;
    const s = SEED_LIST.exec(line.text);
    if (s) seeds = s[1].split(',').map(hostOf);
  }
  if (!seeds?.length) return undefined;
  for (const line of evidence.lines) {
    if (line.role === 'frame' || !TOPOLOGY.test(line.text)) continue;
    const members = [...line.text.matchAll(TOPOLOGY_MEMBER)].map(m =>
      m[1].toLowerCase(),
    );
    if (members.length > 0 && members.every(m => !seeds!.includes(m)))
      return { line, members: [...new Set(members)] };
  }
  return undefined;
}
