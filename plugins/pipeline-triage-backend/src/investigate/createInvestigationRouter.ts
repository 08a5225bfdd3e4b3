import express, { type Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { AuditorService } from '@backstage/backend-plugin-api';
import {
  incidentInvestigatePermission,
  incidentReadPermission,
  incidentUpdatePermission,
  type AttachEvidenceResult,
  type AttachmentListItem,
  type IncidentDetail,
  type Investigation,
  type InvestigationStarted,
  type ItemsResponse,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IncidentAccess } from '../permissions';
import { parseQuery } from '../service';
import type { InvestigationService } from './InvestigationService';
import type { AttachmentService } from './AttachmentService';
import { attachmentParsers } from './attachmentParsers';

export interface InvestigationRouterOptions {
  /** Permission checks: investigate to start, update to accept or attach, read to list. */
  access: IncidentAccess;
  auditor?: AuditorService;
  investigations: InvestigationService;
  attachments: AttachmentService;
}

const uuidish = z.string().min(1).max(64);

/**
 * The investigation routes. Mounted before the main router so attachments get their own 10 MB
 * body limit; every other request passes through untouched.
 */
export function createInvestigationRouter(
  options: InvestigationRouterOptions,
): express.Router {
  const { access, auditor, investigations, attachments } = options;
  const router = Router();

  /** A person acting on one incident: 404 if they may not read it, 403 if they may not do this. */
  const userFor = async (
    req: Request,
    permission: Parameters<IncidentAccess['authorizeIncident']>[1],
    id: string,
  ) => {
    const credentials = await access.authorizeIncident(req, permission, id);
    // A person by their entity ref; another plugin acting on its own by its subject.
    const principal = credentials.principal as {
      userEntityRef?: string;
      subject?: string;
    };
    return principal.userEntityRef ?? principal.subject ?? 'unknown';
  };

  /** Runs a change under an audit event: success or failure is recorded either way. */
  const audited = async <T>(
    req: Request,
    eventId: string,
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) => {
    const event = await auditor?.createEvent({
      eventId,
      request: req,
      severityLevel: 'medium',
      meta,
    });
    try {
      const out = await fn();
      await event?.success({
        meta:
          out && typeof out === 'object' && 'id' in out
            ? { id: String((out as { id: unknown }).id) }
            : {},
      });
      return out;
    } catch (error) {
      await event?.fail({ error: error as Error });
      throw error;
    }
  };

  router.post('/v1/incidents/:id/investigate', async (req, res) => {
    const id = parseQuery(uuidish, req.params.id, 'id');
    const by = await userFor(req, incidentInvestigatePermission, id);
    const started = await audited(req, 'investigate', { incidentId: id }, () =>
      investigations.start(id, { trigger: 'user', by }),
    );
    // The run goes on in the background; its steps arrive by signal and GET.
    void started.done;
    res
      .status(202)
      .json({ id: started.id, incidentId: id } satisfies InvestigationStarted);
  });

  router.get('/v1/incidents/:id/investigations', async (req, res) => {
    const id = parseQuery(uuidish, req.params.id, 'id');
    await access.authorizeIncident(req, incidentReadPermission, id);
    res.json({
      items: await investigations.list(id),
    } satisfies ItemsResponse<Investigation>);
  });

  router.post(
    '/v1/incidents/:id/investigations/:investigationId/accept',
    async (req, res) => {
      const id = parseQuery(uuidish, req.params.id, 'id');
      const investigationId = parseQuery(
        uuidish,
        req.params.investigationId,
        'investigationId',
      );
      const by = await userFor(req, incidentUpdatePermission, id);
      const incident = await audited(
        req,
        'accept-suggestion',
        { incidentId: id, investigationId },
        () => investigations.accept(id, investigationId, by),
      );
      res.json(incident satisfies IncidentDetail);
    },
  );

  router.post(
    '/v1/incidents/:id/attachments',
    ...(attachmentParsers() as express.RequestHandler[]),
    async (req: Request, res: express.Response) => {
      const id = parseQuery(uuidish, req.params.id, 'id');
      const by = await userFor(req, incidentUpdatePermission, id);
      const out = await audited(
        req,
        'attach-evidence',
        { incidentId: id },
        () => attachments.attach(id, req, by),
      );
      res.status(201).json(out satisfies AttachEvidenceResult);
    },
  );

  router.get('/v1/incidents/:id/attachments', async (req, res) => {
    const id = parseQuery(uuidish, req.params.id, 'id');
    await access.authorizeIncident(req, incidentReadPermission, id);
    const items = await attachments.list(id);
    res.json({ items } satisfies ItemsResponse<AttachmentListItem>);
  });

  return router;
}
