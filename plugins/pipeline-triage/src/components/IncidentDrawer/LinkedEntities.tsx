import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { LinkedEntity } from '@pipeline-triage/plugin-pipeline-triage-common';

/** Roles in the order a person walks lineage: the job, what it reads, what it writes, then neighbours. */
const ROLES: Array<[string, string]> = [
  ['job', 'Job'],
  ['input', 'Inputs'],
  ['output', 'Outputs'],
  ['contract', 'Contract'],
  ['upstream_producer', 'Upstream producer'],
  ['downstream', 'Downstream'],
  ['owner', 'Owner'],
];

export function groupByRole(
  entities: LinkedEntity[],
): Array<[string, LinkedEntity[]]> {
  const known = new Map(ROLES.map(([role]) => [role, [] as LinkedEntity[]]));
  const other: LinkedEntity[] = [];
  for (const entity of entities) (known.get(entity.role) ?? other).push(entity);
  const groups = ROLES.map(
    ([role, label]) => [label, known.get(role)!] as [string, LinkedEntity[]],
  );
  groups.push(['Other', other]);
  return groups.filter(([, list]) => list.length > 0);
}

export function LinkedEntities(props: { entities: LinkedEntity[] }) {
  const groups = groupByRole(props.entities);
  if (!groups.length)
    return <em>The catalog knows none of the entities involved.</em>;
  return (
    <>
      {groups.map(([label, list]) => (
        <Box key={label} display="flex" mb={0.5}>
          <Typography
            variant="body2"
            style={{ minWidth: 140 }}
            color="textSecondary"
          >
            {label}
          </Typography>
          <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
            {list.map(e => (
              <EntityRefLink
                key={`${e.role}:${e.entityRef}`}
                entityRef={e.entityRef}
              />
            ))}
          </Box>
        </Box>
      ))}
    </>
  );
}
