// @ts-check

/**
 * A claimed outbox row is `sending` (with claimed_at) while its request is in flight, instead
 * of `pending` with a lease: the incident shows it, and a row still `sending` after its lease
 * ran out is one whose outcome nobody recorded (the instance stopped between the sink's answer
 * and the row update), which the outbox sends again and says so. `target` is where the sink
 * sent it (a Slack channel, the PagerDuty service's entity), never a credential.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('pt_sink_outbox', table => {
    table.timestamp('claimed_at', { useTz: true });
    table.string('target');
  });
  // Rows claimed under the old scheme (pending with a lease) are in flight: say so.
  await knex('pt_sink_outbox')
    .where('status', 'pending')
    .whereNotNull('lease_owner')
    .update({ status: 'sending' });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('pt_sink_outbox')
    .where('status', 'sending')
    .update({ status: 'pending' });
  await knex.schema.alterTable('pt_sink_outbox', table => {
    table.dropColumn('claimed_at');
    table.dropColumn('target');
  });
};
