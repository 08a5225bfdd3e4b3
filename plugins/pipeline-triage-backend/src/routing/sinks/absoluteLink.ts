/**
 * Incident links are app-relative (`/catalog/...`), but Slack buttons and PagerDuty links need
 * absolute URLs. Joined by string rather than `new URL(link, base)` so a base with a path prefix
 * (`https://example.com/backstage`) keeps it. Undefined when no absolute URL can be made.
 */
export function absoluteLink(
  link: string,
  baseUrl?: string,
): string | undefined {
  if (/^https?:\/\//i.test(link)) return link;
  if (!baseUrl || !/^https?:\/\//i.test(baseUrl)) return undefined;
  return `${baseUrl.replace(/\/+$/, '')}/${link.replace(/^\/+/, '')}`;
}
