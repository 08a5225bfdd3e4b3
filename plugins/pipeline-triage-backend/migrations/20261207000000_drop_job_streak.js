// @ts-check

/**
 * The job's failing streak is counted from the occurrences after its last success (events
 * arrive out of order, so a running counter was wrong after imports); nothing reads the
 * running counter any more. pt_job_state keeps what is read: the job's entity, last success and
 * last failure, and its row is the per-job lock.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('pt_job_state', table => {
    table.dropColumn('consecutive_failures');
    table.dropColumn('failing_since');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('pt_job_state', table => {
    table.timestamp('failing_since', { useTz: true });
    table.integer('consecutive_failures').notNullable().defaultTo(0);
  });
};
