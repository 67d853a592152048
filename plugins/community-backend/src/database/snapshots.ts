import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { AdoptionTrendPoint } from '@copkit/plugin-community-common';
import { TrendFilter } from './AdoptionStore';
import { TABLES } from './tables';
import { daysBefore, statusCountColumns, toCounts } from './util';

const SNAPSHOT_COLUMNS = [
  'day',
  'pattern_ref',
  'value_stream',
  'community_ref',
  'adopted',
  'not_adopted',
  'exempt',
  'errors',
] as const;

/** Daily counts per (pattern, value stream, community), for trends. */
export class SnapshotRecords {
  constructor(private readonly knex: Knex) {}

  async write(day: string, retentionDays: number): Promise<void> {
    if (!Number.isInteger(retentionDays) || retentionDays < 0) {
      throw new InputError(`Invalid retention of ${retentionDays} days`);
    }
    const oldestKept = daysBefore(day, retentionDays);
    await this.knex.transaction(async trx => {
      await trx(TABLES.snapshots).where('day', day).delete();
      // Counted by the database in one pass; the day goes in as a typed
      // parameter since PostgreSQL cannot infer a bare one in a select list.
      const counts = trx(TABLES.results)
        .select(
          trx.raw('CAST(? AS varchar(10))', [day]),
          'pattern_ref',
          'value_stream',
          'community_ref',
          ...statusCountColumns(trx),
        )
        .whereNot('status', 'not-applicable')
        .groupBy('pattern_ref', 'value_stream', 'community_ref');
      await trx
        .into(
          trx.raw(`?? (${SNAPSHOT_COLUMNS.map(() => '??').join(', ')})`, [
            TABLES.snapshots,
            ...SNAPSHOT_COLUMNS,
          ]),
        )
        .insert(counts);
      await trx(TABLES.snapshots).where('day', '<', oldestKept).delete();
    });
  }

  async trends(filter: TrendFilter): Promise<AdoptionTrendPoint[]> {
    const query = this.knex(TABLES.snapshots)
      .select(
        'day',
        ...(['adopted', 'not_adopted', 'exempt', 'errors'] as const).map(
          column => this.knex.raw('SUM(??) AS ??', [column, column]),
        ),
      )
      .whereBetween('day', [filter.from, filter.to])
      .groupBy('day')
      .orderBy('day');
    if (filter.patternRef !== undefined) {
      query.where('pattern_ref', filter.patternRef);
    }
    if (filter.valueStream !== undefined) {
      query.where('value_stream', filter.valueStream);
    }
    if (filter.communityRef !== undefined) {
      query.where('community_ref', filter.communityRef);
    }
    const rows: Array<{ day: string } & Parameters<typeof toCounts>[0]> =
      await query;
    return rows.map(row => ({ day: row.day, ...toCounts(row) }));
  }
}
