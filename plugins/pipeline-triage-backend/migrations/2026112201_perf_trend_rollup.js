// @ts-check

/**
 * Weekly trend counts maintained at write time: the trends for an entity, a team or the whole
 * organisation read a few hundred rollup rows instead of joining every occurrence of the year.
 * One row per scope (org, entity:<ref>, owner:<ref>, routed:<ref>), ISO week and grouping key
 * (category, domain, team); filled here from the history already stored.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pt_trend_counts', table => {
    table.string('scope', 300).notNullable();
    table.string('week', 10).notNullable();
    table.string('category', 32).notNullable();
    table.string('domain', 16).notNullable();
    table
      .string('team', 255)
      .notNullable()
      .comment("owner_ref at the time, '' when unowned");
    table.integer('count').notNullable();
    table.primary(['scope', 'week', 'category', 'domain', 'team']);
  });
  await exports.fillTrendCounts(knex);

  // The status line and the success path look up a job's open incidents by job and status.
  await knex.schema.alterTable('pt_incidents', table => {
    table.index(['job_key', 'status'], 'pt_incidents_job_status_idx');
  });
  // Entity and team pages filter by ref and role before sorting by recency.
  await knex.schema.alterTable('pt_incident_entities', table => {
    table.index(
      ['entity_ref', 'role', 'incident_id'],
      'pt_incident_entities_ref_role_idx',
    );
  });
};

/**
 * Counts the stored history into the (empty) rollup; the benchmark calls it after a bulk load.
 *
 * @param {import('knex').Knex} knex
 */
exports.fillTrendCounts = async function fillTrendCounts(knex) {
  const dims = "i.category, i.domain, coalesce(i.owner_ref, '')";
  /** @type {(scope: string, from: string, where?: string) => Promise<unknown>} */
  const backfill = (scope, from, where = '') =>
    knex.raw(
      `insert into pt_trend_counts (scope, week, category, domain, team, count)
       select ${scope}, o.week, ${dims}, count(*) from pt_occurrences o
       join pt_incidents i on i.id = o.incident_id ${from} ${where}
       group by ${scope === "'org'" ? '' : `${scope}, `}o.week, ${dims}`,
    );
  /** @type {(roles: string[]) => string} */
  const distinctRefs = roles =>
    `join (select distinct incident_id, entity_ref from pt_incident_entities where role in (${roles
      .map(r => `'${r}'`)
      .join(', ')})) e on e.incident_id = i.id`;
  await backfill("'org'", '');
  await backfill(
    "'entity:' || e.entity_ref",
    distinctRefs(['job', 'input', 'output', 'contract']),
  );
  await backfill("'owner:' || e.entity_ref", distinctRefs(['owner']));
  await backfill(
    "'routed:' || i.routed_to",
    '',
    'where i.routed_to is not null',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('pt_incident_entities', table => {
    table.dropIndex(
      ['entity_ref', 'role', 'incident_id'],
      'pt_incident_entities_ref_role_idx',
    );
  });
  await knex.schema.alterTable('pt_incidents', table => {
    table.dropIndex(['job_key', 'status'], 'pt_incidents_job_status_idx');
  });
  await knex.schema.dropTableIfExists('pt_trend_counts');
};
