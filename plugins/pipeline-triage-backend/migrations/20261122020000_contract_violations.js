// @ts-check

/**
 * Contract violations and observed schema drift, one row per finding and event, plus the last
 * schema seen per dataset (the baseline of drift for tables without a contract).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pt_contract_violations', table => {
    table.increments('id');
    table.string('incident_id', 36).notNullable();
    table.string('event_id', 36).notNullable();
    table
      .string('kind', 16)
      .notNullable()
      .comment('schema | quality | freshness | observed_drift');
    table.string('clause', 32).notNullable();
    table.string('contract_ref', 255).comment('null for observed drift');
    table.string('table_ref', 255);
    table.string('dataset', 1024).notNullable();
    table
      .string('path', 255)
      .comment('JSON path of the clause in the contract document');
    table.integer('line');
    table.string('column_name', 255);
    table.text('observed').notNullable();
    table.text('expected').notNullable();
    table.text('message').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.unique(['event_id', 'kind', 'clause', 'dataset', 'column_name'], {
      indexName: 'pt_violations_once_idx',
    });
    table.index(['table_ref', 'at'], 'pt_violations_table_idx');
    table.index(['contract_ref', 'at'], 'pt_violations_contract_idx');
    table.index(['incident_id'], 'pt_violations_incident_idx');
  });
  await knex.schema.createTable('pt_dataset_schemas', table => {
    table.string('dataset', 1024).primary();
    table.string('table_ref', 255);
    table.text('fields').notNullable();
    table.timestamp('seen_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('pt_dataset_schemas');
  await knex.schema.dropTableIfExists('pt_contract_violations');
};
