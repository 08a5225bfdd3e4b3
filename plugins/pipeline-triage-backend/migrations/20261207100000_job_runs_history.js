// @ts-check

/**
 * The job's own history, kept apart from the raw events (which may be pared or not kept for
 * successes): one row per run with its outcome, failure signature, the versions it carried and
 * the rows it wrote. What changed since the last success, flaky jobs, silent zero-row runs and
 * the retry history read it. Resolutions keep the person's note on the fix.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pt_job_runs', table => {
    table.bigIncrements('id');
    table.string('job_key', 512).notNullable();
    table.string('event_id', 64).notNullable().unique();
    table.timestamp('event_time', { useTz: true }).notNullable();
    /** success | fail */
    table.string('outcome', 16).notNullable();
    table.string('signature', 255);
    /** JSON: { code, codeLocation, engine, config, schemas: { dataset: "col:type,..." } } */
    table.text('versions');
    table.double('rows_written');
    table.index(['job_key', 'event_time'], 'pt_job_runs_job_time_idx');
  });
  // Runs already known: successes from the events, failures from the occurrences.
  await knex.raw(
    `insert into pt_job_runs (job_key, event_id, event_time, outcome)
     select job_key, id, event_time, 'success' from pt_events
     where outcome = 'success' and job_key is not null and event_time is not null`,
  );
  await knex.raw(
    `insert into pt_job_runs (job_key, event_id, event_time, outcome, signature)
     select i.job_key, o.event_id, o.event_time, 'fail', i.signature
     from pt_occurrences o join pt_incidents i on i.id = o.incident_id`,
  );
  await knex.schema.alterTable('pt_status_history', table => {
    table.text('note');
  });
  await knex.schema.alterTable('pt_incidents', table => {
    /** Same-signature failures followed by a success with nothing changed (0: not flaky). */
    table.integer('flaky_flips').notNullable().defaultTo(0);
    table.boolean('silent').notNullable().defaultTo(false);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('pt_incidents', table => {
    table.dropColumn('flaky_flips');
    table.dropColumn('silent');
  });
  await knex.schema.alterTable('pt_status_history', table => {
    table.dropColumn('note');
  });
  await knex.schema.dropTable('pt_job_runs');
};
