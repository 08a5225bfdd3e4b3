// @ts-check

/**
 * Cascades and retry-aware paging (#21): an incident may name the upstream incident it follows
 * from (`caused_by_*`, set when it opens; the upstream lists its cascade by the index), and
 * records whether anyone was paged for it (`paging`: waiting_for_retries, paged, suppressed).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('pt_incidents', table => {
    table.string('caused_by_incident_id', 36).nullable();
    table.string('caused_by_entity_ref', 255).nullable();
    table.text('caused_by_reason').nullable();
    table.string('paging', 24).nullable();
    table.text('paging_reason').nullable();
    table.index(['caused_by_incident_id'], 'pt_incidents_caused_by_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('pt_incidents', table => {
    table.dropIndex(['caused_by_incident_id'], 'pt_incidents_caused_by_idx');
    table.dropColumns(
      'caused_by_incident_id',
      'caused_by_entity_ref',
      'caused_by_reason',
      'paging',
      'paging_reason',
    );
  });
};
