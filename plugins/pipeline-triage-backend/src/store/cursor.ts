import { InputError } from '@backstage/errors';

export interface IncidentCursor {
  lastSeen: string;
  id: string;
}

/** Keyset cursor over (last_seen desc, id desc): stable while new incidents arrive. */
export function encodeCursor(c: IncidentCursor): string {
  return Buffer.from(JSON.stringify([c.lastSeen, c.id])).toString('base64url');
}

export function decodeCursor(raw: string): IncidentCursor {
  try {
    const [lastSeen, id] = JSON.parse(
      Buffer.from(raw, 'base64url').toString('utf8'),
    );
    if (
      typeof lastSeen === 'string' &&
      typeof id === 'string' &&
      !isNaN(Date.parse(lastSeen))
    ) {
      return { lastSeen, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new InputError('cursor: not a cursor returned by this API');
}
