import express, { type Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { AuditorService, AuthService, HttpAuthService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { parseQuery } from '../service/parseQuery';
import type { InvestigationService } from './InvestigationService';
import type { AttachmentService } from './AttachmentService';
import { attachmentParsers } from './attachmentParsers';

export interface InvestigationRouterOptions {
  auth: AuthService;
  httpAuth: HttpAuthService;
  auditor?: AuditorService;
  investigations: InvestigationService;
  attachments: AttachmentService;
}

const uuidish = z.string().min(1).max(64);

/**
 * The investigation routes. Mounted before the main router so attachments get their own 10 MB
 * body limit; every other request passes through untouched.
 */
export function createInvestigationRouter(options: InvestigationRouterOptions): express.Router {
  const { auth, httpAuth, auditor, investigations, attachments } = options;
  const router = Router();

  const reader = async (req: Request) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    if (auth.isPrincipal(credentials, 'service') && credentials.principal.subject.startsWith('external:')) {
      throw new NotAllowedError('A pipeline sender token may post events and read only the events it sent');
    }
    return credentials;
  };

  /** Runs a change under an audit event: success or failure is recorded either way. */
  const audited = async <T>(req: Request, eventId: string, meta: Record<string, string>, fn: () => Promise<T>) => {
    const event = await auditor?.createEvent({ eventId, request: req, severityLevel: 'medium', meta });
    try {
      const out = await fn();
      await event?.success({ meta: out && typeof out === 'object' && 'id' in out ? { id: String((out as { id: unknown }).id) } : {} });
      return out;
    } catch (error) {
      await event?.fail({ error: error as Error });
      throw error;
    }
  };

  router.post('/v1/incidents/:id/investigate', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const id = parseQuery(uuidish, req.params.id, 'id');
    const started = await audited(req, 'investigate', { incidentId: id }, () =>
      investigations.start(id, { trigger: 'user', by: credentials.principal.userEntityRef }),
    );
    // The run goes on in the background; its steps arrive by signal and GET.
    void started.done;
    res.status(202).json({ id: started.id, incidentId: id });
  });

  router.get('/v1/incidents/:id/investigations', async (req, res) => {
    await reader(req);
    res.json({ items: await investigations.list(parseQuery(uuidish, req.params.id, 'id')) });
  });

  router.post('/v1/incidents/:id/investigations/:investigationId/accept', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { id, investigationId } = req.params;
    const incident = await audited(req, 'accept-suggestion', { incidentId: id, investigationId }, () =>
      investigations.accept(id, investigationId, credentials.principal.userEntityRef),
    );
    res.json(incident);
  });

  router.post('/v1/incidents/:id/attachments', ...(attachmentParsers() as express.RequestHandler[]), async (req: Request, res: express.Response) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const id = parseQuery(uuidish, req.params.id, 'id');
    const out = await audited(req, 'attach-evidence', { incidentId: id }, () =>
      attachments.attach(id, req, credentials.principal.userEntityRef),
    );
    res.status(201).json(out);
  });

  router.get('/v1/incidents/:id/attachments', async (req, res) => {
    await reader(req);
    const items = await attachments.list(parseQuery(uuidish, req.params.id, 'id'));
    res.json({ items });
  });

  return router;
}
