// @ts-check

/**
 * Job and dataset names that events used but the catalog does not know, with how often and
 * when last: an admin rolls annotations out where they matter most.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pt_unlinked_names', table => {
    table.string('kind', 16).notNullable().comment('job | dataset');
    table.string('name', 1024).notNullable();
    table.integer('count').notNullable();
    table.timestamp('first_seen', { useTz: true }).notNullable();
    table.timestamp('last_seen', { useTz: true }).notNullable();
    table.primary(['kind', 'name']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('pt_unlinked_names');
};
