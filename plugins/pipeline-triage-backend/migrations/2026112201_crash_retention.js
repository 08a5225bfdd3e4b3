// @ts-check

/**
 * Retention bookkeeping: how far the cleanup has already pared an event or an incident down,
 * so each run only looks at rows it has not handled yet.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('pt_events', table => {
    table
      .string('retention', 16)
      .comment(
        'NULL: as received | logs: log text removed | payload: only the identity kept',
      );
  });
  await knex.schema.alterTable('pt_incidents', table => {
    table
      .timestamp('logs_purged_at', { useTz: true })
      .comment('when the cleanup removed log text from the detail');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('pt_incidents', table =>
    table.dropColumn('logs_purged_at'),
  );
  await knex.schema.alterTable('pt_events', table =>
    table.dropColumn('retention'),
  );
};
