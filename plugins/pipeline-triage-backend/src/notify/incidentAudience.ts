import type { IncidentStore } from '../store';
import type { IncidentAudience } from './IncidentSignals';

/**
 * An incident's signal recipients: the owner of its job and the team it is routed to, read from
 * the same columns the shipped policy's rules (isJobOwnedBy, isRoutedTo) decide on. Each ref also
 * lower-cased, since ownership claims and stored refs may differ in case and the signals backend
 * compares exactly.
 */
export function incidentAudience(
  incidents: Pick<IncidentStore, 'incidentResources'>,
): IncidentAudience {
  return async incidentIds => {
    const resources = await incidents.incidentResources(incidentIds);
    const out = new Map<string, string[]>();
    for (const r of resources) {
      if (!r) continue;
      const refs = [r.ownerRef, r.routedTo].filter((x): x is string =>
        Boolean(x),
      );
      out.set(r.id, [
        ...new Set(refs.flatMap(ref => [ref, ref.toLocaleLowerCase('en-US')])),
      ]);
    }
    return out;
  };
}
