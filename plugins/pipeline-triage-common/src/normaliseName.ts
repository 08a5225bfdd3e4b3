/**
 * The naming convention that links a pipeline or table without a `pipeline-triage.io/*`
 * annotation: a sender's name and an entity's name (or title) are equal once both are
 * normalised (lower case, every run of characters other than letters and digits as one `-`).
 * Shared by the backend's linker and the catalog module that derives entities from dbt, which
 * must name entities the way the linker looks them up.
 *
 * @public
 */
export function normaliseName(name: string): string {
  return name
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
