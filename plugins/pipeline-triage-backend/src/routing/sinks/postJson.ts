import { DeliveryError } from './DeliveryError';

export interface PostJsonOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
}

/**
 * POSTs an already-serialized JSON body and returns the response text of a 2xx answer.
 * Everything else becomes a DeliveryError whose message never contains the URL: Slack webhook
 * URLs are themselves secrets, and these messages end up in the incident's notification history.
 */
export async function postJson(
  url: string,
  body: string,
  options: PostJsonOptions,
): Promise<{ status: number; text: string }> {
  let status: number;
  let text: string;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body,
      // Covers the whole exchange, body included, so a server that stalls mid-response times out too.
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new DeliveryError(`timed out after ${options.timeoutMs}ms`, true);
    }
    throw new DeliveryError(`request failed: ${networkCause(error)}`, true);
  }
  if (status < 200 || status > 299) {
    const retryable = status >= 500 || status === 408 || status === 429;
    throw new DeliveryError(
      `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`,
      retryable,
    );
  }
  return { status, text };
}

/** fetch reports every network problem as "fetch failed"; the useful part is the cause's code. */
function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })
    ?.cause;
  return (
    cause?.code ?? cause?.message ?? String((error as Error)?.message ?? error)
  );
}
