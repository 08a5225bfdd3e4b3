import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { ConflictError } from '@backstage/errors';
import type {
  Investigation,
  InvestigationResult,
  InvestigationStep,
  InvestigationSuggestion,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { toIso } from '../store';
import type { AttachmentText } from './buildInvestigationContext';

/** A running investigation older than this was left by a crashed instance; a new one may start. */
const STALE_MS = 15 * 60_000;

export interface NewInvestigation {
  incidentId: string;
  source: Investigation['source'];
  trigger: Investigation['trigger'];
  requestedBy?: string;
  model?: string;
}

export interface StoredAttachment extends AttachmentText {
  incidentId: string;
  contentType?: string;
  size: number;
  addedBy?: string;
  at: string;
}

/** Investigations, their steps and attachments on knex (SQLite and PostgreSQL); never an incident row. */
export class InvestigationStore {
  constructor(private readonly db: Knex) {}

  /** Starts one; ConflictError when one is already running for the incident. */
  async start(input: NewInvestigation): Promise<string> {
    const id = randomUUID();
    const now = new Date();
    await this.db('pt_investigations')
      .where({ running_key: input.incidentId })
      .where(
        'started_at',
        '<',
        new Date(now.getTime() - STALE_MS).toISOString(),
      )
      .update({
        running_key: null,
        status: 'failed',
        model_unavailable: 'abandoned by a stopped instance',
        finished_at: now.toISOString(),
      });
    try {
      await this.db('pt_investigations').insert({
        id,
        incident_id: input.incidentId,
        running_key: input.incidentId,
        status: 'running',
        source: input.source,
        trigger: input.trigger,
        requested_by: input.requestedBy ?? null,
        model: input.model ?? null,
        started_at: now.toISOString(),
      });
    } catch (error) {
      const running = await this.db('pt_investigations')
        .where({ running_key: input.incidentId })
        .first('id');
      if (running)
        throw new ConflictError(
          `Investigation ${running.id} is already running for incident ${input.incidentId}`,
        );
      throw error;
    }
    return id;
  }

  async addStep(
    investigationId: string,
    kind: InvestigationStep['kind'],
    data: Record<string, unknown>,
  ): Promise<InvestigationStep> {
    const at = new Date().toISOString();
    // Steps of one investigation are written by one worker in order; seq is its position.
    const last = await this.db('pt_investigation_steps')
      .where({ investigation_id: investigationId })
      .max({ seq: 'seq' })
      .first();
    const seq = Number(last?.seq ?? 0) + 1;
    await this.db('pt_investigation_steps').insert({
      investigation_id: investigationId,
      seq,
      kind,
      data: JSON.stringify(data),
      at,
    });
    return { seq, kind, at, data };
  }

  async finish(
    id: string,
    outcome: {
      status: 'completed' | 'failed';
      source?: Investigation['source'];
      result?: InvestigationResult;
      suggestion?: InvestigationSuggestion;
      modelUnavailable?: string;
    },
  ): Promise<void> {
    await this.db('pt_investigations')
      .where({ id })
      .update({
        status: outcome.status,
        running_key: null,
        ...(outcome.source ? { source: outcome.source } : {}),
        result: outcome.result ? JSON.stringify(outcome.result) : null,
        suggestion: outcome.suggestion
          ? JSON.stringify(outcome.suggestion)
          : null,
        model_unavailable: outcome.modelUnavailable ?? null,
        finished_at: new Date().toISOString(),
      });
  }

  async setSuggestion(
    id: string,
    suggestion: InvestigationSuggestion,
  ): Promise<void> {
    await this.db('pt_investigations')
      .where({ id })
      .update({ suggestion: JSON.stringify(suggestion) });
  }

  async get(id: string): Promise<Investigation | undefined> {
    const row = await this.db('pt_investigations').where({ id }).first();
    if (!row) return undefined;
    const steps = await this.db('pt_investigation_steps')
      .where({ investigation_id: id })
      .orderBy('seq', 'asc');
    return toInvestigation(row, steps);
  }

  async list(incidentId: string): Promise<Investigation[]> {
    const rows = await this.db('pt_investigations')
      .where({ incident_id: incidentId })
      .orderBy('started_at', 'desc')
      .limit(20);
    if (!rows.length) return [];
    const steps = await this.db('pt_investigation_steps')
      .whereIn(
        'investigation_id',
        rows.map(r => r.id),
      )
      .orderBy('seq', 'asc');
    return rows.map(r =>
      toInvestigation(
        r,
        steps.filter(s => s.investigation_id === r.id),
      ),
    );
  }

  async addAttachment(
    a: Omit<StoredAttachment, 'id' | 'at'>,
  ): Promise<StoredAttachment> {
    const count = await this.db('pt_attachments')
      .where({ incident_id: a.incidentId })
      .count({ n: '*' })
      .first();
    const id = `A${Number(count?.n ?? 0) + 1}`;
    const row = { ...a, id: randomUUID(), at: new Date().toISOString() };
    await this.db('pt_attachments').insert({
      id: row.id,
      incident_id: a.incidentId,
      kind: a.kind,
      name: a.name,
      content_type: a.contentType ?? null,
      size: a.size,
      content: a.text,
      added_by: a.addedBy ?? null,
      at: row.at,
    });
    return { ...row, id };
  }

  /** Attachments of an incident, oldest first, with their evidence ids A1, A2, ... */
  async listAttachments(incidentId: string): Promise<StoredAttachment[]> {
    const rows = await this.db('pt_attachments')
      .where({ incident_id: incidentId })
      .orderBy('at', 'asc')
      .orderBy('id', 'asc');
    return rows.map((r, i) => ({
      id: `A${i + 1}`,
      incidentId,
      kind: r.kind,
      name: r.name,
      contentType: r.content_type ?? undefined,
      size: r.size,
      text: r.content,
      addedBy: r.added_by ?? undefined,
      at: toIso(r.at),
    }));
  }
}

function parse<T>(text: string | null): T | undefined {
  return text ? (JSON.parse(text) as T) : undefined;
}

function toInvestigation(row: any, steps: any[]): Investigation {
  return {
    id: row.id,
    incidentId: row.incident_id,
    status: row.status,
    source: row.source,
    trigger: row.trigger,
    requestedBy: row.requested_by ?? undefined,
    model: row.model ?? undefined,
    modelUnavailable: row.model_unavailable ?? undefined,
    startedAt: toIso(row.started_at),
    finishedAt: row.finished_at ? toIso(row.finished_at) : undefined,
    result: parse(row.result),
    suggestion: parse(row.suggestion),
    steps: steps.map(s => ({
      seq: s.seq,
      kind: s.kind,
      at: toIso(s.at),
      data: JSON.parse(s.data),
    })),
  };
}
