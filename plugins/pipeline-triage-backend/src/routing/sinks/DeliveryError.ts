/**
 * A failed delivery. `retryable` is false when repeating the same request cannot succeed
 * (a 4xx other than 408/429: bad payload, revoked webhook), so the dispatcher stops early.
 */
export class DeliveryError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export function isRetryable(error: unknown): boolean {
  return !(error instanceof DeliveryError) || error.retryable;
}
