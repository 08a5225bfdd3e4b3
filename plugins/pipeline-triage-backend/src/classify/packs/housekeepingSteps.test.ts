import { extractEvidence } from '../../evidence';
import { classify } from '../classify';

const categoryOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log })).category;

/** Round pw5 (issue 17): maintenance statements classify by the statement. */
describe('housekeeping steps', () => {
  it('reads a concurrent refresh without a unique index as code', () => {
    expect(
      categoryOf(
        'ERROR:  cannot refresh materialized view "reporting.daily_kpis" concurrently\nHINT:  Create a unique index with no WHERE clause on one or more columns of the materialized view.',
      ),
    ).toBe('code_error');
  });

  it('reads a refresh of a view the database lacks as configuration, not late data', () => {
    expect(
      categoryOf(
        'INFO refresh: REFRESH MATERIALIZED VIEW mart.weekly_churn\nERROR refresh failed: relation "mart.weekly_churn" does not exist',
      ),
    ).toBe('config_error');
  });

  it('reads a loader dropping its already-dropped staging table as code', () => {
    expect(
      categoryOf(
        'FATAL cleanup: exec failed: DROP TABLE "raw"."events_staging"; ERROR: table "events_staging" does not exist',
      ),
    ).toBe('code_error');
    // DROP ... IF EXISTS never fails this way; a user table is not the loader's own.
    expect(
      categoryOf(
        'ERROR: exec failed: DROP TABLE "raw"."events"; ERROR: table "events" does not exist',
      ),
    ).not.toBe('code_error');
  });
});
