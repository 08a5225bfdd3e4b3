import { ServiceUnavailableError } from '@backstage/errors';

/**
 * The catalog did not answer the linking query (a 503 while it starts, a lost database, a refused
 * connection). Linking asks the catalog one question that does not depend on the event, so this
 * is an outage of a dependency, never a sign that the event itself is bad: events wait for it.
 * A route that needs the catalog answers 503 with it (Backstage maps the error by its name).
 */
export class CatalogUnavailableError extends ServiceUnavailableError {
  constructor(cause: unknown) {
    // The cause's text is in the message already; CustomErrorBase would append it again.
    super(`catalog unavailable: ${describe(cause)}`);
  }
}

export function isCatalogUnavailable(
  error: unknown,
): error is CatalogUnavailableError {
  return error instanceof CatalogUnavailableError;
}

function describe(cause: unknown): string {
  const status = (cause as { response?: { status?: number } })?.response
    ?.status;
  const message = cause instanceof Error ? cause.message : String(cause);
  return status && !message.includes(String(status))
    ? `${status} ${message}`
    : message;
}
