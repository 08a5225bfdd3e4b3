// @ts-check

/**
 * The first page of an entity's or a team's incidents, newest first, read straight off an index:
 * one row per incident and page (`entity:` for a pipeline, table or contract page, `owner:` for a
 * team's), carrying the incident's last_seen. Without it, a pipeline with 2,000 of a million
 * incidents made PostgreSQL walk the whole recency index to find its 26 newest.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pt_incident_recency', table => {
    table
      .string('scope', 270)
      .notNullable()
      .comment("'entity:<ref>' or 'owner:<ref>', as the trend rollup's scopes");
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('pt_incidents')
      .onDelete('CASCADE');
    table
      .timestamp('last_seen', { useTz: true })
      .notNullable()
      .comment("the incident's last_seen, kept equal");
    table.primary(['scope', 'incident_id']);
    table.index(
      ['scope', 'last_seen', 'incident_id'],
      'pt_incident_recency_page_idx',
    );
    table.index(['incident_id'], 'pt_incident_recency_incident_idx');
  });
  await exports.fillIncidentRecency(knex);
};

/**
 * Fills the (empty) table from the stored incidents; the benchmark calls it after a bulk load.
 *
 * @param {import('knex').Knex} knex
 */
exports.fillIncidentRecency = async function fillIncidentRecency(knex) {
  await knex.raw(
    `insert into pt_incident_recency (scope, incident_id, last_seen)
     select distinct
       case when e.role = 'owner' then 'owner:' else 'entity:' end || e.entity_ref,
       e.incident_id,
       i.last_seen
     from pt_incident_entities e join pt_incidents i on i.id = e.incident_id
     where e.role in ('job', 'input', 'output', 'contract', 'owner')`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('pt_incident_recency');
};
