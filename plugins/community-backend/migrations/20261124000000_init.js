// @ts-check

/**
 * The adoption engine's tables: current results, the repository ETags they
 * were computed from, daily snapshots for trends, and scans with their
 * partitions.
 *
 * Timestamps are `timestamp with time zone` on PostgreSQL; on SQLite knex
 * stores the JavaScript Date it is given as epoch milliseconds. The store
 * reads both back as ISO strings. JSON goes into text columns so that both
 * engines treat it the same.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('community_adoption_results', table => {
    table.comment('The current result of each entity against each pattern');
    table.text('entity_ref').notNullable();
    table.text('pattern_ref').notNullable();
    table.text('community_ref').notNullable();
    table
      .text('value_stream')
      .notNullable()
      .comment('Entity ref of the value stream (Domain), or "unassigned"');
    table.text('owner_ref').nullable();
    table.string('status', 32).notNullable();
    table.text('evidence').notNullable().comment('JSON array');
    table.text('tried').notNullable().comment('JSON array');
    table.text('notes').notNullable().comment('JSON array');
    table.text('reason').nullable();
    table.string('exempt_until', 10).nullable().comment('YYYY-MM-DD');
    table.timestamp('checked_at', { useTz: true }).notNullable();
    table
      .integer('partition')
      .notNullable()
      .comment('The scan partition the entity belongs to');
    table
      .string('fingerprint', 128)
      .notNullable()
      .comment('Hash of every input of the judgement');
    table.primary(['entity_ref', 'pattern_ref']);
    // Leads with pattern_ref for a pattern's results, and covers the
    // GROUP BY of the summary and the snapshots, so that both read the
    // index alone, already in group order.
    table.index(
      ['pattern_ref', 'value_stream', 'community_ref', 'status'],
      'community_results_pattern_idx',
    );
    table.index(['value_stream'], 'community_results_value_stream_idx');
    table.index(['community_ref'], 'community_results_community_idx');
    table.index(['partition'], 'community_results_partition_idx');
  });

  await knex.schema.createTable('community_repositories', table => {
    table.comment('The ETag each repository had when its results were written');
    table.text('location').primary().notNullable();
    table.text('etag').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('community_adoption_snapshots', table => {
    table.comment('Daily counts per pattern, value stream and community');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, in UTC');
    table.text('pattern_ref').notNullable();
    table.text('value_stream').notNullable();
    table.text('community_ref').notNullable();
    table.integer('adopted').notNullable();
    table.integer('not_adopted').notNullable();
    table.integer('exempt').notNullable();
    table.integer('errors').notNullable();
    table.primary(['day', 'pattern_ref', 'value_stream', 'community_ref']);
  });

  await knex.schema.createTable('community_scans', table => {
    table.comment('Adoption scans: one row per run over every partition');
    table.string('id', 36).primary().notNullable();
    table.string('trigger', 16).notNullable().comment('schedule or manual');
    table
      .string('status', 16)
      .notNullable()
      .comment('running, succeeded or failed');
    table.integer('partitions_total').notNullable();
    table
      .integer('partitions_done')
      .notNullable()
      .defaultTo(0)
      .comment('Partitions finished, failed ones included');
    table.integer('partitions_failed').notNullable().defaultTo(0);
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.text('error').nullable();
    table.index(['started_at'], 'community_scans_started_at_idx');
    // At most one running scan, enforced by the database so that replicas
    // racing to start a scan cannot both succeed. Partial unique indexes
    // work the same on PostgreSQL and SQLite.
    table.unique(['status'], {
      indexName: 'community_scans_one_running_idx',
      predicate: knex.whereRaw("status = 'running'"),
      useConstraint: false,
    });
  });

  await knex.schema.createTable('community_scan_partitions', table => {
    table.comment(
      'Partitions of a scan; a row exists once a replica claims it',
    );
    table
      .string('scan_id', 36)
      .notNullable()
      .references('id')
      .inTable('community_scans')
      .onDelete('CASCADE');
    table.integer('partition').notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('running, succeeded or failed');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.integer('repositories_scanned').notNullable().defaultTo(0);
    table.integer('repositories_unchanged').notNullable().defaultTo(0);
    table.integer('repositories_failed').notNullable().defaultTo(0);
    table.integer('results').notNullable().defaultTo(0);
    table.text('error').nullable();
    // The primary key is what makes a claim exclusive across replicas.
    table.primary(['scan_id', 'partition']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('community_scan_partitions');
  await knex.schema.dropTable('community_scans');
  await knex.schema.dropTable('community_adoption_snapshots');
  await knex.schema.dropTable('community_repositories');
  await knex.schema.dropTable('community_adoption_results');
};
