/**
 * Timestamps are written as ISO-8601 UTC strings. PostgreSQL hands them back as Date objects,
 * SQLite as the strings it stored: this brings both back to one comparable form.
 */
export function toIso(value: Date | string | number): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(value).toISOString();
}
