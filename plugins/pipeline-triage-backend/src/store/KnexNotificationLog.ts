import type { Knex } from 'knex';
import type { NotificationRecord } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { NotificationLog } from './types';

/** Who was told what about an incident, on knex. */
export class KnexNotificationLog implements NotificationLog {
  constructor(private readonly db: Knex) {}

  async recordNotification(
    incidentId: string,
    record: NotificationRecord,
  ): Promise<void> {
    await this.recordNotifications([{ incidentId, record }]);
  }

  async recordNotifications(
    rows: Array<{ incidentId: string; record: NotificationRecord }>,
  ): Promise<void> {
    for (let from = 0; from < rows.length; from += 200) {
      await this.db('pt_notifications').insert(
        rows.slice(from, from + 200).map(({ incidentId, record }) => ({
          incident_id: incidentId,
          at: record.at,
          channel: record.channel,
          status: record.status,
          recipients: JSON.stringify(record.recipients),
          detail: record.detail ?? null,
        })),
      );
    }
  }
}
