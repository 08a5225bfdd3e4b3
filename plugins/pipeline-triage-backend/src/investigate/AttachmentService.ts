import path from 'node:path';
import type { Request } from 'express';
import { z } from 'zod';
import { InputError, NotFoundError } from '@backstage/errors';
import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import { redactSecrets } from '../redact';
import type { TriageStore } from '../store';
import type { Reclassifier } from '../triage';
import { parseQuery } from '../service';
import { storableDeep, storableText } from '../ingest';
import { MAX_ATTACHMENT_BYTES, payloadTooLarge } from './attachmentParsers';
import type {
  InvestigationStore,
  StoredAttachment,
} from './InvestigationStore';

export const ATTACHMENT_KINDS = ['log', 'schema', 'trace', 'sample'] as const;

/** Text formats only: attachments are read as evidence lines, so binaries are refused. */
const EXTENSIONS = [
  '.log',
  '.txt',
  '.out',
  '.err',
  '.trace',
  '.json',
  '.jsonl',
  '.ndjson',
  '.yaml',
  '.yml',
  '.sql',
  '.ddl',
  '.avsc',
  '.proto',
  '.csv',
  '.tsv',
  '.xml',
];
const CONTENT_TYPES = [
  /^text\//,
  /^application\/(json|x-ndjson|x-yaml|yaml|sql|xml|octet-stream)$/,
];

const pasted = z.object({
  kind: z.enum(ATTACHMENT_KINDS),
  name: z.string().trim().min(1).max(255).default('pasted.txt'),
  text: z.string().min(1, 'expected the pasted text'),
});
const uploadFields = z.object({ kind: z.enum(ATTACHMENT_KINDS) });

export interface AttachResult {
  attachment: Omit<StoredAttachment, 'text'>;
  reclassified: {
    category: Category;
    confidence: number;
    changed: boolean;
    previous: Category;
  };
}

/**
 * Evidence a person adds to an incident: stored redacted, then evidence extraction and
 * classification run again over the event plus everything attached, and the next
 * investigation reads it too.
 */
export class AttachmentService {
  constructor(
    private readonly deps: {
      store: Pick<TriageStore, 'getIncident'>;
      investigations: InvestigationStore;
      /** The one door through which new evidence changes the verdict. */
      verdicts: Pick<Reclassifier, 'withEvidence'>;
    },
  ) {}

  async attach(
    incidentId: string,
    req: Request,
    by: string,
  ): Promise<AttachResult> {
    const incident = await this.deps.store.getIncident(incidentId);
    if (!incident) throw new NotFoundError(`No incident with id ${incidentId}`);
    const input = readAttachment(req);
    const stored = await this.deps.investigations.addAttachment({
      incidentId,
      kind: input.kind,
      // As events' texts: what PostgreSQL refuses is replaced, not a reason to fail.
      name: storableText(input.name),
      contentType: input.contentType,
      size: input.size,
      text: redactSecrets(storableText(input.text)),
      addedBy: by,
    });
    const all = await this.deps.investigations.listAttachments(incidentId);
    const reclassified = await this.deps.verdicts.withEvidence(incidentId, {
      texts: all.map(a => a.text),
      by,
      reason: `re-classified with attachment ${stored.name}`,
    });
    const { text: _text, ...attachment } = stored;
    return { attachment, reclassified };
  }

  async list(incidentId: string) {
    return (await this.deps.investigations.listAttachments(incidentId)).map(
      ({ text, ...a }) => ({ ...a, preview: text.slice(0, 500) }),
    );
  }
}

function readAttachment(req: Request) {
  const file = (
    req as Request & {
      file?: {
        originalname: string;
        mimetype: string;
        buffer: Buffer;
        size: number;
      };
    }
  ).file;
  if (file) {
    const { kind } = parseQuery(uploadFields, req.body ?? {}, 'body');
    const ext = path.extname(file.originalname).toLowerCase();
    if (!EXTENSIONS.includes(ext)) {
      throw new InputError(
        `file: extension "${
          ext || '(none)'
        }" is not allowed; use one of ${EXTENSIONS.join(', ')}`,
      );
    }
    if (!CONTENT_TYPES.some(t => t.test(file.mimetype))) {
      throw new InputError(
        `file: content type ${file.mimetype} is not allowed; attach text (logs, schemas, traces, samples)`,
      );
    }
    if (file.buffer.includes(0))
      throw new InputError('file: binary content is not allowed; attach text');
    return {
      kind,
      name: path.basename(file.originalname),
      contentType: file.mimetype,
      size: file.size,
      text: file.buffer.toString('utf8'),
    };
  }
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json/.test(type)) {
    throw new InputError(
      'body: post application/json {kind, name, text} or multipart/form-data with the fields kind and file',
    );
  }
  // Pasted text is evidence: a NUL in it is replaced (see attach), not a reason to refuse it.
  const body = parseQuery(pasted, storableDeep(req.body ?? {}), 'body');
  const size = Buffer.byteLength(body.text, 'utf8');
  if (size > MAX_ATTACHMENT_BYTES)
    throw payloadTooLarge('text: the pasted text exceeds the 10 MB limit');
  const ext = path.extname(body.name).toLowerCase();
  if (ext && !EXTENSIONS.includes(ext)) {
    throw new InputError(
      `name: extension "${ext}" is not allowed; use one of ${EXTENSIONS.join(
        ', ',
      )}`,
    );
  }
  return {
    kind: body.kind,
    name: body.name,
    contentType: 'text/plain',
    size,
    text: body.text,
  };
}
