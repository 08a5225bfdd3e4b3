import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * dbt Cloud signs each webhook delivery: its `Authorization` header is the hex HMAC-SHA256 of
 * the raw request body, keyed by the webhook's secret (docs.getdbt.com, "Validate a webhook").
 * Undefined when the signature holds; otherwise why not, for the 401.
 */
export function dbtCloudSignatureProblem(
  rawBody: Buffer,
  header: string | undefined,
  secret: string,
): string | undefined {
  if (!header)
    return 'missing Authorization header: dbt Cloud signs each webhook with its secret';
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = /^[0-9a-f]{64}$/i.test(header.trim())
    ? Buffer.from(header.trim(), 'hex')
    : undefined;
  if (!given || !timingSafeEqual(given, expected))
    return 'Authorization header is not the HMAC-SHA256 of the body with the configured pipelineTriage.dbtCloud.webhookSecret';
  return undefined;
}
