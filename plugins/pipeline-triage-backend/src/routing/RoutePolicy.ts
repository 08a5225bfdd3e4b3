import {
  CATEGORIES,
  type Category,
  type Environment,
  type RouteDecision,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Config } from '@backstage/config';
import type { DatasetLink, LinkResult } from '../linking';
import { DEFAULT_ROUTES, type RouteRole, type RouteSpec } from './routes';

export interface RoutePolicyOptions {
  platformTeam: string;
  iamTeam: string;
  fallbackTeam: string;
  /** Environments whose incidents notify anyone; others are recorded only. */
  notifyEnvironments: Environment[];
  routes: Record<Category, RouteSpec>;
  /** SLA of a source delay when no input contract states one. */
  sourceDelaySlaSeconds: number;
}

export interface RouteInput {
  category: Category;
  environment: Environment;
  links: LinkResult;
  /** Whether a source delay has passed its SLA; undefined when nothing says. */
  pastSla?: boolean;
  /** Tables that contract violations name: the ones a data failure is about. */
  affectedTables?: string[];
}

/** Decides who owns a failure: a role by cause, then the entity behind that role. */
export class RoutePolicy {
  constructor(private readonly options: RoutePolicyOptions) {}

  static fromConfig(config: Config): RoutePolicy {
    const r = config.getOptionalConfig('pipelineTriage.routing');
    const routes = { ...DEFAULT_ROUTES };
    const overrides = r?.getOptionalConfig('routes');
    for (const category of CATEGORIES) {
      const o = overrides?.getOptionalConfig(category);
      if (!o) continue;
      routes[category] = {
        ...routes[category],
        to:
          (o.getOptionalStringArray('to') as RouteRole[]) ??
          routes[category].to,
        copy:
          (o.getOptionalStringArray('copy') as RouteRole[]) ??
          routes[category].copy,
      };
    }
    return new RoutePolicy({
      platformTeam:
        r?.getOptionalString('platformTeam') ?? 'group:default/data-platform',
      iamTeam: r?.getOptionalString('iamTeam') ?? 'group:default/iam-security',
      fallbackTeam:
        r?.getOptionalString('fallbackTeam') ??
        r?.getOptionalString('platformTeam') ??
        'group:default/data-platform',
      notifyEnvironments: (r?.getOptionalStringArray(
        'notifyEnvironments',
      ) as Environment[]) ?? ['prod'],
      routes,
      sourceDelaySlaSeconds:
        (r?.getOptionalNumber('sourceDelaySlaMinutes') ?? 60) * 60,
    });
  }

  get sourceDelaySlaSeconds(): number {
    return this.options.sourceDelaySlaSeconds;
  }

  decide(input: RouteInput): RouteDecision {
    const spec = this.options.routes[input.category];
    const resolved = spec.to
      .map(role => ({ role, ref: this.resolve(role, input) }))
      .find(r => r.ref);
    const recipient = resolved?.ref;
    const contract =
      resolved?.role === 'contract_owner'
        ? [...input.links.inputs, ...input.links.outputs].find(
            d => d.contract?.ownerRef === recipient,
          )
        : undefined;
    const members = contract?.contractOwners?.users.length
      ? contract.contractOwners.users
      : undefined;
    const copy = [
      ...new Set(
        (spec.copy ?? [])
          .map(role => this.resolve(role, input))
          .filter(Boolean) as string[],
      ),
    ].filter(ref => ref !== recipient);

    const envNotifies = this.options.notifyEnvironments.includes(
      input.environment,
    );
    // Held only when the delay is known to be within its SLA.
    const slaHolds = spec.onlyPastSla && input.pastSla === false;
    const notify = Boolean(recipient) && envNotifies && !slaHolds;
    const reasons = [
      `${spec.why}; routed to the ${
        resolved?.role.replace(/_/g, ' ') ?? 'nobody'
      }`,
      members
        ? `the contract ${
            contract!.contract!.entityRef
          } names its owners: ${members.join(', ')}`
        : undefined,
      input.links.linked
        ? undefined
        : 'the catalog does not know this job, so it went to the fallback team',
      envNotifies
        ? undefined
        : `${input.environment} failures are recorded but page no one`,
      slaHolds
        ? 'the delay is still within its SLA, so nobody is notified yet'
        : undefined,
    ].filter(Boolean);
    return {
      recipient,
      members,
      issuesChannel: contract?.contractOwners?.issues,
      copy: notify ? copy : [],
      rule: `${input.category}:${resolved?.role ?? 'none'}`,
      reason: reasons.join('; '),
      notify,
    };
  }

  private resolve(role: RouteRole, input: RouteInput): string | undefined {
    const { links } = input;
    switch (role) {
      case 'contract_owner':
        return affectedDatasets(input).find(d => d.contract?.ownerRef)?.contract
          ?.ownerRef;
      case 'producer_owner': {
        // A late input is the upstream producer's; broken data is whoever wrote the broken table.
        if (input.category === 'source_delay') {
          const jobRef = links.job?.entityRef;
          for (const d of links.inputs) {
            const p = d.producers.find(
              x => x.entityRef !== jobRef && x.ownerRef,
            );
            if (p) return p.ownerRef;
            if (d.table?.ownerRef && !d.producers.length)
              return d.table.ownerRef;
          }
          return undefined;
        }
        for (const d of affectedDatasets(input)) {
          const owner =
            d.producers.find(x => x.ownerRef)?.ownerRef ?? d.table?.ownerRef;
          if (owner) return owner;
        }
        return undefined;
      }
      case 'job_owner':
        return links.job?.ownerRef;
      case 'dependency_owner':
        return links.dependencies?.find(d => d.ownerRef)?.ownerRef;
      case 'platform_team':
        return this.options.platformTeam;
      case 'iam_team':
        return this.options.iamTeam;
      case 'fallback_team':
        return this.options.fallbackTeam;
      default:
        return undefined;
    }
  }
}

/**
 * The tables a data failure is about: those a contract violation names, else those the event
 * sent evidence for (failed checks, a schema), else those the event named. Tables known only
 * from catalog lineage are not blamed for a failure that never mentioned them.
 */
function affectedDatasets(input: RouteInput): DatasetLink[] {
  const all = [...input.links.inputs, ...input.links.outputs];
  const named = input.affectedTables?.length
    ? all.filter(
        d => d.table && input.affectedTables!.includes(d.table.entityRef),
      )
    : [];
  if (named.length) return named;
  const withEvidence = all.filter(
    d =>
      d.datasetRef &&
      (d.datasetRef.quality?.some(q => !q.success) ||
        d.datasetRef.schema?.length),
  );
  if (withEvidence.length) return withEvidence;
  return all.filter(d => d.datasetRef);
}
