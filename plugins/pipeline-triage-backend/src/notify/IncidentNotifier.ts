import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  CATEGORY_INFO,
  type NotificationRecord,
  type PartialWrite,
  type RouteDecision,
  type Severity,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type {
  NotificationLog as NotificationLogStore,
  RecordedOccurrence,
} from '../store';
import type { NoisePolicy } from './NoisePolicy';
import type { RouteSink } from '@pipeline-triage/plugin-pipeline-triage-node';
import type { SinkDispatcher } from '../routing/sinks';
import type { IncidentSignals } from './IncidentSignals';

/** Backstage notifications in flight at once for one batch. */
const PARALLEL_SENDS = 4;

type NotificationLog = Array<{
  incidentId: string;
  record: NotificationRecord;
}>;

export interface NotifyInput {
  occurrence: RecordedOccurrence;
  /** The event that made this update: sinks deliver each incident update once. */
  eventId?: string;
  route: RouteDecision;
  title: string;
  severity: Severity;
  category: keyof typeof CATEGORY_INFO;
  environment: string;
  /** Entity refs whose pages show this incident. */
  entityRefs: string[];
  /** Where the link in the notification points: the job's triage tab, or the trends page. */
  entityRef?: string;
  quiet: boolean;
  partialWrite?: PartialWrite;
  /** Owners of the pipelines that read the failed job's output, transitively. */
  downstreamOwners?: string[];
  outputs?: string[];
  jobTitle?: string;
  failedAt?: string;
  /** Why this failure pages, waits for retries or pages no one (triage/paging.ts). */
  pagingReason?: string;
}

/**
 * Tells people: a Backstage notification to the routed team (one per incident, updated in place
 * through its scope), and a signal so open pages refresh. Failures are recorded, never thrown:
 * a notification problem must not lose or block the triage result.
 */
export class IncidentNotifier {
  constructor(
    private readonly deps: {
      notifications?: NotificationService;
      /** Live updates: ids only, to the incident's owner and routed-to team. */
      signals?: IncidentSignals;
      store: NotificationLogStore;
      logger: LoggerService;
      noise?: NoisePolicy;
      sinks?: RouteSink[];
      dispatcher?: SinkDispatcher;
    },
  ) {}

  async incidentRecorded(input: NotifyInput): Promise<void> {
    await this.incidentsRecorded([input]);
  }

  /**
   * Several incidents at once (a batch): their notifications go out a few at a time, and what
   * happened to each is written to the store in one statement.
   */
  async incidentsRecorded(inputs: NotifyInput[]): Promise<void> {
    const log: NotificationLog = [];
    let next = 0;
    const worker = async () => {
      while (next < inputs.length) await this.notifyOne(inputs[next++], log);
    };
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL_SENDS, inputs.length) }, worker),
    );
    // One signal per recorded incident, its audience read in one query for the batch.
    await this.deps.signals?.incidentsChanged(
      inputs
        .filter(i => i.occurrence.recorded)
        .map(i => i.occurrence.incidentId),
    );
    if (log.length === 0) return;
    try {
      await this.deps.store.recordNotifications(log);
    } catch (error) {
      this.deps.logger.warn(
        `Recording ${log.length} notification outcomes failed: ${error}`,
      );
    }
  }

  private async notifyOne(
    input: NotifyInput,
    log: NotificationLog,
  ): Promise<void> {
    const { occurrence, route } = input;
    if (!occurrence.recorded) return;
    if (input.quiet || !route.notify || !route.recipient) return;
    // Repeats of an acknowledged incident update the record without paging anyone again.
    if (occurrence.kind === 'repeat' && occurrence.status === 'acknowledged')
      return;
    // The orchestrator retries a failure a retry can fix: nobody is paged unless the retries run out.
    if (occurrence.paging === 'waiting_for_retries') {
      log.push({
        incidentId: occurrence.incidentId,
        record: {
          at: new Date().toISOString(),
          recipients: [route.recipient],
          channel: 'backstage',
          status: 'suppressed',
          detail: `waiting for retries: ${input.pagingReason ?? ''}`.trim(),
        },
      });
      return;
    }
    if (occurrence.causedBy) {
      await this.tellCascade(input, log);
      return;
    }
    const link = input.entityRef
      ? entityTabLink(input.entityRef)
      : '/pipeline-triage';
    if (this.deps.dispatcher && this.deps.sinks?.length) {
      // Background delivery, never awaited: a slow Slack or PagerDuty cannot hold up triage.
      void this.deps.dispatcher.deliver(
        {
          incidentId: occurrence.incidentId,
          title: input.title,
          category: input.category,
          severity: input.severity,
          environment: input.environment,
          recipient: route.recipient,
          copy: route.copy,
          link,
          summary: pageText(input),
          // The last attempt of a failure that waited for its retries is its first page.
          kind:
            occurrence.kind === 'repeat' && occurrence.wasPaged === false
              ? 'new'
              : occurrence.kind,
          entityRef: input.entityRef,
        },
        this.deps.sinks,
        input.eventId,
      );
    }
    // A data contract that names its owners gets them paged, not their whole team.
    const primary = route.members?.length ? route.members : [route.recipient];
    await this.send(input, log, 'backstage', [...primary, ...route.copy], {
      title: input.title.slice(0, 250),
      description: pageText(input),
      link,
      severity: input.severity,
      scope: `pipeline-triage:incident:${occurrence.incidentId}`,
    });
    // A run that wrote part of its output leaves its readers with incomplete data: tell them.
    const alreadyTold = new Set([route.recipient, ...primary, ...route.copy]);
    const downstream = [...new Set(input.downstreamOwners ?? [])].filter(
      o => !alreadyTold.has(o),
    );
    if (
      input.partialWrite === 'true' &&
      downstream.length > 0 &&
      occurrence.kind !== 'repeat'
    ) {
      await this.send(input, log, 'backstage-downstream', downstream, {
        title: `Possibly incomplete input: ${
          input.jobTitle ?? 'an upstream job'
        } partially wrote its output`.slice(0, 250),
        description: `A failed run wrote part of ${
          input.outputs?.join(', ') || 'its output'
        } at ${
          input.failedAt
        }. Pipelines you own read it; data since then may be incomplete until the incident is resolved.`,
        link,
        severity: 'high',
        scope: `pipeline-triage:incident:${occurrence.incidentId}:downstream`,
      });
    }
  }

  /**
   * A cascade's owner gets one notice pointing at the upstream incident, when the incident opens
   * or reopens, and never a page (no sink).
   */
  private async tellCascade(input: NotifyInput, log: NotificationLog) {
    const { occurrence, route } = input;
    const cause = occurrence.causedBy!;
    if (occurrence.kind === 'repeat' || !route.recipient) return;
    const primary = route.members?.length ? route.members : [route.recipient];
    await this.send(input, log, 'backstage-cascade', primary, {
      title: `Caused upstream: ${
        input.jobTitle ?? 'a pipeline'
      } failed because an input is broken`.slice(0, 250),
      description: `${cause.reason}. Follow incident ${cause.incidentId} of ${cause.entityRef}; resolving it offers to resolve this one. Nobody was paged for this failure.`,
      link: cause.entityRef
        ? entityTabLink(cause.entityRef)
        : '/pipeline-triage',
      severity: 'normal',
      scope: `pipeline-triage:incident:${occurrence.incidentId}`,
    });
  }

  private async send(
    input: NotifyInput,
    log: NotificationLog,
    channel: string,
    recipients: string[],
    payload: {
      title: string;
      description: string;
      link: string;
      severity: Severity;
      scope: string;
    },
  ): Promise<void> {
    const { occurrence } = input;
    const at = new Date().toISOString();
    const allowed: string[] = [];
    for (const recipient of recipients) {
      const why = this.deps.noise?.suppression(input.entityRefs, recipient);
      if (!why) allowed.push(recipient);
      else
        log.push({
          incidentId: occurrence.incidentId,
          record: {
            at,
            recipients: [recipient],
            channel,
            status: 'suppressed',
            detail: why,
          },
        });
    }
    if (allowed.length === 0) return;
    try {
      await this.deps.notifications?.send({
        recipients: { type: 'entity', entityRef: allowed },
        payload: { ...payload, topic: 'pipeline-triage' },
      });
      log.push({
        incidentId: occurrence.incidentId,
        record: {
          at,
          recipients: allowed,
          channel,
          status:
            occurrence.kind === 'new' || occurrence.wasPaged === false
              ? 'sent'
              : 'updated',
        },
      });
    } catch (error) {
      this.deps.logger.warn(
        `Notification for incident ${occurrence.incidentId} failed: ${error}`,
      );
      log.push({
        incidentId: occurrence.incidentId,
        record: {
          at,
          recipients: allowed,
          channel,
          status: 'failed',
          detail: String(error),
        },
      });
    }
  }
}

/** The page's text: why it pages (stop the retries, attempts exhausted) when it says more than the route. */
function pageText(input: NotifyInput): string {
  const { route, pagingReason } = input;
  const why =
    pagingReason && pagingReason !== route.reason ? `${pagingReason} ` : '';
  return `${why}${route.reason}. Environment: ${input.environment}.`;
}

/** `component:default/orders-daily` → `/catalog/default/component/orders-daily/pipeline-triage` */
export function entityTabLink(entityRef: string): string {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return `/catalog/${namespace}/${kind}/${name}/pipeline-triage`;
}
