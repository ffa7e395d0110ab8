import { sql, type RawBuilder } from 'kysely';
import { matchesWords } from '../domain/log-words.js';
import type { QueryContext } from './job-queries.js';
import { byRuns, byRunsApplies, FEW_RUNS, MAX_RUNS, runsCount } from './log-search-runs.js';
import { COLUMNS, cursorOf, hitFromRow, lineBounds, ORDER, type HitRow } from './log-search-sql.js';
import type { LogSearchCursor, LogSearchHit, LogSearchPage, LogSearchQuery } from './log-search-store.js';
import { pgRareWords } from './log-word-stats.js';
import { pgLogWords } from './migrations/0016-log-search.js';

/**
 * Cross-run log search (migrations 0016 and 0025, docs/logs.md). Results are newest first: by
 * time, then run id and sequence number, which is the order of the `run_logs_time` index; the
 * cursor is the last line's key. Two ways to a page:
 *
 * - By the words' index, when words are given and match fewer than INDEXED_MATCHES (PostgreSQL: PG_INDEXED_MATCHES) lines
 *   (neither index answers in time order, so the matches are read and sorted), plus the lines
 *   that wait to be indexed (migration 0025), matched directly. PostgreSQL first tries the
 *   newest NEAR_LINES lines, where a common word fills its page.
 * - By walking the time index, at most SCAN_LINES lines per page (`window`), filtering as it
 *   goes (job, run, level; words: in SQL on PostgreSQL, in code on SQLite). A page can then hold
 *   fewer hits than asked, with a cursor to go on: every page is bounded whatever the filters.
 * - Warnings or errors of a job or a run, no words: run by run (log-search-runs.ts, migration
 *   0028) when the runs are few enough, after the walk's first window if there are more than a few.
 */

/** Lines of the time index one page walks at most. */
const SCAN_LINES = 20_000;
/** Below this many matches, a search reads its matches by the word index and sorts them. */
const INDEXED_MATCHES = 20_000;
/**
 * PostgreSQL's bound: each match read costs a random read of run_log_words (to count it) and of
 * run_logs; at 10 M lines, 10,000 matches took 1.5 s to count alone (cold, under load).
 */
const PG_INDEXED_MATCHES = 2_000;
/** PostgreSQL: newest lines tried for words before the GIN index. */
const NEAR_LINES = 5_000;
/** Lines read at a time while filtering words in code. */
const CHUNK = 2_000;
/** A run's lines are looked for within its lifetime, widened by this for clocks of other hosts. */
const CLOCK_SLACK_MS = 10 * 60_000;

export async function logSearch(ctx: QueryContext, query: LogSearchQuery): Promise<LogSearchPage> {
  const window = await runWindow(ctx, query);
  if (window === 'none') return { hits: [], next: null };
  const q = { ...query, ...window };
  if (q.words.length === 0) {
    if (byRunsApplies(q)) {
      // Run by run when that reads less than the walk (see log-search-runs.ts): a few runs at
      // once; up to MAX_RUNS after the walk's first window, which serves the newest lines.
      const runs = await runsCount(ctx, q);
      if (runs <= FEW_RUNS) return byRuns(ctx, q);
      if (runs <= MAX_RUNS) {
        const near = await scanWindow(ctx, q, false, WINDOWS[0]!);
        return near.hits.length === q.limit || near.next === null ? near : byRuns(ctx, q);
      }
    }
    return scan(ctx, q, false);
  }
  if (ctx.traits.name === 'postgres') {
    // A common word fills the page from the newest lines. The GIN index (all of a word's lines,
    // joined to their lines, then sorted) only for words with fewer than PG_INDEXED_MATCHES lines:
    // with a plan chosen by the planner, a frequent word took > 40 s at 10 M lines.
    // Words that PostgreSQL's statistics call rare skip the newest lines (log-word-stats.ts).
    const match = sql`${sql.raw(pgLogWords('l.message'))} @@ ${pgWords(q.words)}`;
    if (!(await pgRareWords(ctx, q.words))) {
      const near = await scanWindow(ctx, q, false, NEAR_LINES, match);
      if (near.hits.length === q.limit || near.next === null) return near;
    }
    const matches = await sql<{ n: number | string }>`select count(*) as n from (select 1
        from ${ctx.table('run_log_words')} where words @@ ${pgWords(q.words)} limit ${PG_INDEXED_MATCHES}) m`.execute(
      ctx.db,
    );
    if (Number(matches.rows[0]?.n ?? 0) < PG_INDEXED_MATCHES) return indexed(ctx, q, match);
    return scanWindow(ctx, q, false, SCAN_LINES, match);
  }
  const matches = await sql<{ n: number }>`select count(*) as n from (select rowid from run_logs_words
      where run_logs_words match ${ftsWords(q.words)} limit ${INDEXED_MATCHES})`.execute(ctx.db);
  if (Number(matches.rows[0]?.n ?? 0) < INDEXED_MATCHES) return indexed(ctx, q, sql`true`);
  return scan(ctx, q, true);
}

/** Narrows since/until to the lifetime of the run (and its sub-runs) searched; 'none' for no run. */
async function runWindow(ctx: QueryContext, query: LogSearchQuery) {
  if (query.runId === undefined) return {};
  const run = await ctx.db
    .selectFrom('runs')
    .select(['created_at', 'finished_at', 'parent_run_id'])
    .where('id', '=', query.runId)
    .executeTakeFirst();
  if (!run) return 'none' as const;
  const from = Number(run.created_at) - CLOCK_SLACK_MS;
  const to = run.finished_at === null ? undefined : Number(run.finished_at) + CLOCK_SLACK_MS;
  return {
    since: new Date(Math.max(from, query.since?.getTime() ?? from)),
    until: to === undefined ? query.until : new Date(Math.min(to, query.until?.getTime() ?? to)),
  };
}

/** `to_tsquery` of words made of letters and digits only, so nothing in them is an operator. */
function pgWords(words: string[]): RawBuilder<unknown> {
  return sql`to_tsquery('simple'::regconfig, ${words.join(' & ')})`;
}

/** An FTS5 query: each word quoted (it holds letters and digits only), all required. */
function ftsWords(words: string[]): string {
  return words.map((word) => `"${word}"`).join(' AND ');
}

/** The conditions on the line's run. */
function runFilter(query: LogSearchQuery): RawBuilder<unknown> {
  const terms: RawBuilder<unknown>[] = [];
  if (query.jobId !== undefined) terms.push(sql`r.job_id = ${query.jobId}`);
  if (query.runId !== undefined) {
    terms.push(
      query.withSubRuns
        ? sql`(r.id = ${query.runId} or r.parent_run_id = ${query.runId})`
        : sql`l.run_id = ${query.runId}`,
    );
  }
  return terms.length ? sql.join(terms, sql` and `) : sql`true`;
}

/**
 * One page by the words' index (see above), with the lines still waiting for it (migration 0025:
 * stored but not yet moved into the index, matched here directly); `match` is PostgreSQL's
 * condition on a line's message.
 */
async function indexed(ctx: QueryContext, query: LogSearchQuery, match: RawBuilder<unknown>): Promise<LogSearchPage> {
  const { table } = ctx;
  const where = sql`${lineBounds(query, query.after)} and ${runFilter(query)}`;
  const from =
    ctx.traits.name === 'postgres'
      ? // Materialized: the matches (fewer than PG_INDEXED_MATCHES) drive the join; left to itself, the
        // planner walked the whole time index looking each line up (3.8 s for 200,000 lines).
        sql`(with m as materialized (select run_id, seq from ${table('run_log_words')}
            where words @@ ${pgWords(query.words)}) select * from m) w
          join ${table('run_logs')} l on l.run_id = w.run_id and l.seq = w.seq
          join ${table('runs')} r on r.id = l.run_id where`
      : // CROSS JOIN keeps SQLite's loops in this order: the FTS matches drive the lookups.
        sql`run_logs_words f cross join run_logs l cross join runs r
          where run_logs_words match ${ftsWords(query.words)}
            and l.run_id = f.rowid >> 32 and l.seq = f.rowid & 4294967295 and r.id = l.run_id and`;
  const limit = query.limit + 1;
  const { rows } = await sql<HitRow>`select ${COLUMNS} from ${from} ${where} ${ORDER} limit ${limit}`.execute(ctx.db);
  // PostgreSQL matches the waiting lines in the query, SQLite (no word splitter in SQL) in code.
  const inSql = ctx.traits.name === 'postgres';
  // Materialized: the waiting lines are few (the maintenance loop indexes them every few
  // seconds); left to itself, the planner matched every line of the time index (4 s per 200,000).
  const { rows: waiting } = await sql<HitRow>`select ${COLUMNS} from (with w as materialized (
        -- CROSS JOIN: SQLite otherwise walked all of run_logs, looking each line's run up in u.
        select l.* from ${table('run_logs_unindexed')} u cross join ${table('run_logs')} l
        where l.run_id = u.run_id and l.seq >= u.from_seq) select * from w) l
      join ${table('runs')} r on r.id = l.run_id
      where ${where} and ${inSql ? match : sql`true`} ${ORDER} ${inSql ? sql`limit ${limit}` : sql``}`.execute(ctx.db);
  const found = waiting.filter((row) => inSql || matchesWords(row.message, query.words));
  const lines = [...rows, ...found].sort(newestFirst).slice(0, limit);
  const hits = lines.slice(0, query.limit).map(hitFromRow);
  return { hits, next: lines.length > query.limit ? cursorOf(hits.at(-1)!) : null };
}

/** The order of ORDER, on rows read. */
function newestFirst(a: HitRow, b: HitRow): number {
  return Number(b.time) - Number(a.time) || Number(b.run_id) - Number(a.run_id) || b.seq - a.seq;
}

/**
 * One page by walking at most SCAN_LINES lines of the time index (see above). The window grows
 * (WINDOWS) until the page is full: finding its end costs a walk of the window, so a search whose
 * hits are near does not pay for the whole of it.
 */
async function scan(ctx: QueryContext, query: LogSearchQuery, wordsInCode: boolean): Promise<LogSearchPage> {
  for (const lines of WINDOWS) {
    const page = await scanWindow(ctx, query, wordsInCode, lines);
    if (page.next === null || page.hits.length === query.limit || lines === SCAN_LINES) return page;
  }
  throw new Error('unreachable: the last window returns');
}

/** Window sizes tried in turn; the last is SCAN_LINES. */
const WINDOWS = [1_000, 5_000, SCAN_LINES];

async function scanWindow(
  ctx: QueryContext,
  query: LogSearchQuery,
  wordsInCode: boolean,
  windowLines: number,
  match: RawBuilder<unknown> = sql`true`,
): Promise<LogSearchPage> {
  const { table } = ctx;
  // The window's last line: the page reads no further than it.
  const { rows: edges } = await sql<{ time: number; run_id: number; seq: number }>`
    select l.time, l.run_id, l.seq from ${table('run_logs')} l where ${lineBounds(query, query.after)}
    ${ORDER} limit 1 offset ${windowLines - 1}`.execute(ctx.db);
  const edge = edges[0] ? { time: Number(edges[0].time), runId: Number(edges[0].run_id), seq: edges[0].seq } : null;
  const inWindow = edge ? sql`(l.time, l.run_id, l.seq) >= (${edge.time}, ${edge.runId}, ${edge.seq})` : sql`true`;
  const read = (after: LogSearchCursor | undefined, limit: number) =>
    // CROSS JOIN keeps SQLite walking the lines in time order: with run_logs_run_warnings (0028)
    // it went run by run through all runs and sorted (time range + level=error: 10 ms -> 540 ms).
    sql<HitRow>`select ${COLUMNS} from ${table('run_logs')} l cross join ${table('runs')} r
      where r.id = l.run_id and ${lineBounds(query, after)} and ${inWindow} and ${runFilter(query)} and ${match} ${ORDER} limit ${limit}`
      .execute(ctx.db)
      .then((result) => result.rows.map(hitFromRow));

  if (!wordsInCode) {
    const lines = await read(query.after, query.limit + 1);
    const hits = lines.slice(0, query.limit);
    return { hits, next: lines.length > query.limit ? cursorOf(hits.at(-1)!) : edge };
  }
  const hits: LogSearchHit[] = [];
  let after = query.after;
  for (;;) {
    const lines = await read(after, CHUNK);
    for (const line of lines) {
      if (!matchesWords(line.message, query.words)) continue;
      if (hits.length === query.limit) return { hits, next: cursorOf(hits.at(-1)!) };
      hits.push(line);
    }
    if (lines.length < CHUNK) return { hits, next: edge };
    after = cursorOf(lines.at(-1)!);
  }
}
