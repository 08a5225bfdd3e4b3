// @ts-check

/**
 * The sinks' outbox: every delivery to Slack, PagerDuty or a webhook is a row before it is
 * attempted, so a restart during a backoff loses nothing. One row per incident, sink and update
 * (the event that updated the incident): the unique key keeps a re-processed event, or a second
 * instance, from sending it twice. Rows are claimed with a lease (lease_owner, lease_until).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pt_sink_outbox', table => {
    table.increments('id');
    table.string('incident_id').notNullable();
    table.string('sink').notNullable();
    table.string('update_key').notNullable();
    table.text('delivery').notNullable();
    // pending, sent, dead
    table.string('status', 16).notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error');
    table.timestamp('next_attempt_at', { useTz: true }).notNullable();
    table.string('lease_owner');
    table.timestamp('lease_until', { useTz: true });
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true });
    table.unique(['incident_id', 'sink', 'update_key']);
    table.index(['status', 'next_attempt_at']);
    table.index(['incident_id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pt_sink_outbox');
};
