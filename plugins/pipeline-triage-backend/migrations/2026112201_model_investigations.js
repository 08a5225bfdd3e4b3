// @ts-check

/**
 * Investigations of incidents (model or rule-based), their streamed steps in order, and the
 * evidence people attach. `running_key` is the incident id while an investigation runs and null
 * after: the unique index makes "one running investigation per incident" hold across instances.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pt_investigations', table => {
    table.string('id', 36).primary();
    table.string('incident_id', 36).notNullable();
    table
      .string('running_key', 36)
      .unique({ indexName: 'pt_investigations_running_idx' });
    table
      .string('status', 16)
      .notNullable()
      .comment('running | completed | failed');
    table.string('source', 16).notNullable().comment('model | rule-based');
    table.string('trigger', 8).notNullable().comment('user | auto');
    table.string('requested_by', 255);
    table.string('model', 128);
    table.text('model_unavailable');
    table.text('result');
    table.text('suggestion');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true });
    table.index(
      ['incident_id', 'started_at'],
      'pt_investigations_incident_idx',
    );
  });
  await knex.schema.createTable('pt_investigation_steps', table => {
    table.increments('id');
    table.string('investigation_id', 36).notNullable();
    table.integer('seq').notNullable();
    table.string('kind', 16).notNullable();
    table.text('data').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.unique(['investigation_id', 'seq'], {
      indexName: 'pt_investigation_steps_seq_idx',
    });
  });
  await knex.schema.createTable('pt_attachments', table => {
    table.string('id', 36).primary();
    table.string('incident_id', 36).notNullable();
    table
      .string('kind', 8)
      .notNullable()
      .comment('log | schema | trace | sample');
    table.string('name', 255).notNullable();
    table.string('content_type', 128);
    table.integer('size').notNullable();
    table.text('content').notNullable();
    table.string('added_by', 255);
    table.timestamp('at', { useTz: true }).notNullable();
    table.index(['incident_id', 'at'], 'pt_attachments_incident_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('pt_attachments');
  await knex.schema.dropTableIfExists('pt_investigation_steps');
  await knex.schema.dropTableIfExists('pt_investigations');
};
