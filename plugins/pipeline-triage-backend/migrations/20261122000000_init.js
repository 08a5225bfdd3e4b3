// @ts-check

/**
 * The triage store. Events are persisted (redacted) in the transaction that accepts them;
 * occurrences are unique per event so each accepted event counts exactly once, however many
 * instances process concurrently.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pt_events', table => {
    table.string('id', 36).primary();
    table.string('event_key', 512).notNullable().unique();
    table.string('source', 32).notNullable();
    table.string('outcome', 16).notNullable();
    table.string('job_key', 512).notNullable();
    table.string('environment', 16).notNullable();
    table.timestamp('event_time', { useTz: true }).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.string('sender', 255).notNullable();
    table
      .text('payload')
      .notNullable()
      .comment('canonical FailureEvent, secrets redacted');
    table.boolean('log_trimmed').notNullable().defaultTo(false);
    table
      .boolean('quiet')
      .notNullable()
      .defaultTo(false)
      .comment('import mode: notify no one');
    table
      .string('status', 16)
      .notNullable()
      .comment('pending | processing | done | dead');
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error');
    table.timestamp('next_attempt_at', { useTz: true }).notNullable();
    table.timestamp('locked_until', { useTz: true });
    table.string('incident_id', 36);
    table.timestamp('processed_at', { useTz: true });
    table.index(['status', 'next_attempt_at'], 'pt_events_queue_idx');
    table.index(['received_at'], 'pt_events_received_idx');
  });

  await knex.schema.createTable('pt_incidents', table => {
    table.string('id', 36).primary();
    table.string('job_key', 512).notNullable();
    table.string('signature', 64).notNullable();
    // job_key|signature while the incident is open or acknowledged, NULL once resolved: the
    // unique index lets exactly one open incident exist per failure group across instances.
    table.string('open_key', 600).unique();
    table.string('status', 16).notNullable();
    table.string('category', 32).notNullable();
    table.string('domain', 16).notNullable();
    table.float('confidence').notNullable();
    table.boolean('safe_to_retry').notNullable();
    table.string('partial_write', 8).notNullable();
    table.string('severity', 16).notNullable();
    table.string('environment', 16).notNullable();
    table.string('title', 1024).notNullable();
    table.string('job_name', 512).notNullable();
    table.string('job_namespace', 255).notNullable();
    table.string('job_entity_ref', 255);
    table.string('owner_ref', 255);
    table.string('routed_to', 255);
    table.string('route_rule', 128);
    table.boolean('linked').notNullable();
    table.boolean('category_overridden').notNullable().defaultTo(false);
    table.integer('occurrences').notNullable();
    table.integer('consecutive_failures').notNullable();
    table.timestamp('first_seen', { useTz: true }).notNullable();
    table.timestamp('last_seen', { useTz: true }).notNullable();
    table.timestamp('last_success', { useTz: true });
    table.timestamp('acknowledged_at', { useTz: true });
    table.timestamp('resolved_at', { useTz: true });
    table
      .text('detail')
      .notNullable()
      .comment('verdict, evidence, route, linked entities (JSON)');
    table.string('latest_event_id', 36).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['job_key', 'signature', 'status'], 'pt_incidents_group_idx');
    table.index(['last_seen', 'id'], 'pt_incidents_recent_idx');
    table.index(['routed_to', 'last_seen'], 'pt_incidents_routed_idx');
  });

  // Which entities an incident concerns (job, tables, contract, owners): the entity and team
  // filters and the permission conditions become one indexed join.
  await knex.schema.createTable('pt_incident_entities', table => {
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('pt_incidents')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.string('role', 32).notNullable();
    table.primary(['incident_id', 'entity_ref', 'role']);
    table.index(['entity_ref', 'incident_id'], 'pt_incident_entities_ref_idx');
  });

  await knex.schema.createTable('pt_occurrences', table => {
    table.string('event_id', 36).primary();
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('pt_incidents')
      .onDelete('CASCADE');
    table.timestamp('event_time', { useTz: true }).notNullable();
    table
      .string('week', 10)
      .notNullable()
      .comment('ISO week of event_time, e.g. 2026-W47');
    table.index(['incident_id', 'event_time'], 'pt_occurrences_incident_idx');
    table.index(['week', 'incident_id'], 'pt_occurrences_week_idx');
    table.index(['event_time'], 'pt_occurrences_time_idx');
  });

  await knex.schema.createTable('pt_status_history', table => {
    table.increments('id');
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('pt_incidents')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('by', 255).notNullable();
    table.string('action', 32).notNullable();
    table.string('from_value', 64);
    table.string('to_value', 64);
    table.text('reason');
    table.index(['incident_id'], 'pt_status_history_incident_idx');
  });

  await knex.schema.createTable('pt_notifications', table => {
    table.increments('id');
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('pt_incidents')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('channel', 64).notNullable();
    table.string('status', 16).notNullable();
    table.text('recipients').notNullable();
    table.text('detail');
    table.index(['incident_id'], 'pt_notifications_incident_idx');
  });

  // Last outcome per job: "failing since", "last success", consecutive failures.
  await knex.schema.createTable('pt_job_state', table => {
    table.string('job_key', 512).primary();
    table.string('job_entity_ref', 255);
    table.timestamp('last_success', { useTz: true });
    table.timestamp('last_failure', { useTz: true });
    table.timestamp('failing_since', { useTz: true });
    table.integer('consecutive_failures').notNullable().defaultTo(0);
  });

  await knex.schema.createTable('pt_dead_letters', table => {
    table.string('event_id', 36).primary();
    table.timestamp('at', { useTz: true }).notNullable();
    table.integer('attempts').notNullable();
    table.text('reason').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'pt_dead_letters',
    'pt_job_state',
    'pt_notifications',
    'pt_status_history',
    'pt_occurrences',
    'pt_incident_entities',
    'pt_incidents',
    'pt_events',
  ]) {
    await knex.schema.dropTableIfExists(name);
  }
};
