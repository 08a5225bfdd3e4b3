/**
 * A failed delivery. `retryable` is false when repeating the same request cannot succeed
 * (a 4xx other than 408/429: bad payload, revoked webhook), so the dispatcher stops early.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** Where the failed request was going (see RouteDeliveryReceipt), when the sink knew. */
    readonly target?: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Runs a sink's request to `target`, so its failure names the target too. */
export async function toTarget<T>(
  target: string,
  request: () => Promise<T>,
): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof DeliveryError)
      throw new DeliveryError(error.message, error.retryable, target);
    throw new DeliveryError(
      error instanceof Error ? error.message : String(error),
      true,
      target,
    );
  }
}

export function isRetryable(error: unknown): boolean {
  return !(error instanceof DeliveryError) || error.retryable;
}
