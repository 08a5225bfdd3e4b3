// @ts-check

/**
 * The retry verdict reads a job's recent successes (its own history): an index on the job and
 * the event time keeps that read small however many events the table holds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('pt_events', table => {
    table.index(['job_key', 'event_time'], 'pt_events_job_time_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('pt_events', table => {
    table.dropIndex(['job_key', 'event_time'], 'pt_events_job_time_idx');
  });
};
