// @ts-check

/**
 * The parsed copy of each data contract entity's definition, refreshed on a schedule and when
 * the entity changes (its catalog etag or the definition's hash), valid or with its problems.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pt_contract_definitions', table => {
    table.string('entity_ref', 255).primary();
    table
      .string('etag', 255)
      .comment("the catalog entity's metadata.etag when it was parsed");
    table
      .string('definition_hash', 64)
      .notNullable()
      .comment('sha256 of spec.definition');
    table.boolean('valid').notNullable();
    table
      .string('format', 16)
      .comment('odcs-3.0 | odcs-3.1 | dcs; null when invalid');
    table
      .text('parsed')
      .notNullable()
      .comment('the ParsedContract or ContractError as JSON');
    table
      .timestamp('changed_at', { useTz: true })
      .notNullable()
      .comment('when the definition last changed');
    table
      .timestamp('checked_at', { useTz: true })
      .notNullable()
      .comment('when it was last compared with the catalog');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('pt_contract_definitions');
};
