import type { Knex } from 'knex';
import { KnexEventQueue } from './KnexEventQueue';
import { KnexFindingStore } from './KnexFindingStore';
import { KnexIncidentStore } from './KnexIncidentStore';
import { KnexNotificationLog } from './KnexNotificationLog';
import { KnexRetention } from './KnexRetention';
import { KnexSinkOutbox } from './KnexSinkOutbox';
import { KnexTrendStore } from './KnexTrendStore';
import type {
  EventQueue,
  FindingStore,
  IncidentStore,
  NotificationLog,
  RetentionStore,
  SinkOutbox,
  TrendStore,
  TriageStore,
} from './types';

/** The store's doors on one knex client, one per concern. */
export interface KnexStores {
  events: EventQueue;
  incidents: IncidentStore;
  trends: TrendStore;
  findings: FindingStore;
  notifications: NotificationLog;
  retention: RetentionStore;
  outbox: SinkOutbox;
}

export function createKnexStores(db: Knex): KnexStores {
  return {
    events: new KnexEventQueue(db),
    incidents: new KnexIncidentStore(db),
    trends: new KnexTrendStore(db),
    findings: new KnexFindingStore(db),
    notifications: new KnexNotificationLog(db),
    retention: new KnexRetention(db),
    outbox: new KnexSinkOutbox(db),
  };
}

/**
 * Every door behind one object, for wiring and for callers that span concerns: each method is
 * its door's own, bound. Tested on SQLite and PostgreSQL.
 */
export interface KnexTriageStore extends TriageStore {}
export class KnexTriageStore {
  constructor(db: Knex) {
    for (const door of Object.values(createKnexStores(db))) {
      const proto = Object.getPrototypeOf(door);
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor' || typeof proto[name] !== 'function')
          continue;
        // Two doors answering one name would make one of them silently unreachable.
        if (name in this)
          throw new Error(`Store method ${name} is declared by two doors`);
        (this as any)[name] = proto[name].bind(door);
      }
    }
  }
}
