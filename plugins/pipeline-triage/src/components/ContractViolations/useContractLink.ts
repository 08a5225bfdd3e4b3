import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import { lineAnchor } from './clauseLabels';

/**
 * Links to a clause: the contract's Pipeline Triage tab, scrolled to the clause's line in the
 * definition shown there (the example app has no API docs plugin to link to instead).
 */
export function useClauseLink(): (
  contractRef: string,
  line?: number,
) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return (contractRef, line) => {
    const { kind, namespace, name } = parseEntityRef(contractRef);
    const base = `${entityRoute({
      kind: kind.toLocaleLowerCase('en-US'),
      namespace,
      name,
    })}/pipeline-triage`;
    return line ? `${base}#${lineAnchor(line)}` : base;
  };
}
