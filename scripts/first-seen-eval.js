#!/usr/bin/env node
/*
 * First-seen evaluation: how the engine did on each tuning case when the case was new.
 *
 * The corpus rule is "case before rule": a commit that adds tuning cases and changes no engine
 * source holds the engine as it was before anyone wrote a rule for them. Classifying those cases
 * with that commit's engine measures the engine on failures it had never seen, which is what a
 * reviewer's held-out set does; the holdout measures that too, but only once per case. Labels
 * are taken from today's files (later label fixes apply); cases since moved or removed are
 * skipped.
 *
 *   node scripts/first-seen-eval.js [--since <rev>] [--json] [--records <file>]
 *
 * --since limits the walk to commits after <rev> (default: the whole history). Each commit is
 * checked out in a temporary worktree beside the checkout whose node_modules are hard-linked
 * copies of this checkout's (workspace links must resolve inside the worktree, to that commit's
 * code). --records writes each case's predicted and expected verdict to <file>, one JSON per line.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CASES = 'plugins/pipeline-triage-backend/fixtures/cases';
const ENGINE_SOURCES = ['plugins/pipeline-triage-backend/src'];

const args = process.argv.slice(2);
const since = args.includes('--since')
  ? args[args.indexOf('--since') + 1]
  : undefined;
const asJson = args.includes('--json');
// One line per case (id, commit, predicted and expected verdicts) for a closer look.
const recordsFile = args.includes('--records')
  ? args[args.indexOf('--records') + 1]
  : undefined;

/** Commits whose engine could not run here (an older layout of the CLI): reported, not hidden. */
const skipped = [];

const git = (...a) =>
  execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1e8 });

/** Commits that add tuning cases, change no engine source, and are not moves from holdout. */
function caseCommits() {
  const range = since ? [`${since}..HEAD`] : ['HEAD'];
  const hashes = git('rev-list', '--reverse', '--no-merges', ...range)
    .split('\n')
    .filter(Boolean);
  const out = [];
  for (const h of hashes) {
    const changes = git('show', '--name-status', '--format=', '--no-renames', h)
      .split('\n')
      .filter(Boolean)
      .map(l => l.split('\t'));
    const added = changes
      .filter(
        ([s, f]) =>
          s === 'A' && f.startsWith(`${CASES}/tuning/`) && f.endsWith('.json'),
      )
      .map(([, f]) => f);
    if (added.length === 0) continue;
    if (
      changes.some(([, f]) => ENGINE_SOURCES.some(d => f.startsWith(`${d}/`)))
    )
      continue;
    const removedHoldout = new Set(
      changes
        .filter(([s, f]) => s === 'D' && f.startsWith(`${CASES}/holdout/`))
        .map(([, f]) => path.basename(f)),
    );
    const fresh = added.filter(
      f =>
        !removedHoldout.has(path.basename(f)) &&
        fs.existsSync(path.join(ROOT, f)),
    );
    if (fresh.length) out.push({ commit: h, files: fresh });
  }
  return out;
}

function linkNodeModules(worktree) {
  const dirs = ['.'];
  for (const group of ['plugins', 'packages']) {
    const g = path.join(ROOT, group);
    if (!fs.existsSync(g)) continue;
    for (const d of fs.readdirSync(g)) dirs.push(path.join(group, d));
  }
  for (const d of dirs) {
    const from = path.join(ROOT, d, 'node_modules');
    const to = path.join(worktree, d, 'node_modules');
    if (!fs.existsSync(from) || !fs.existsSync(path.join(worktree, d)))
      continue;
    execFileSync('cp', ['-al', from, to]);
  }
}

function classifyAt(commit, files, scratch) {
  const worktree = path.join(scratch, 'engine');
  const input = path.join(scratch, 'cases', commit);
  fs.mkdirSync(input, { recursive: true });
  for (const f of files)
    fs.copyFileSync(path.join(ROOT, f), path.join(input, path.basename(f)));
  if (!fs.existsSync(worktree)) {
    git('worktree', 'add', '--detach', '-q', worktree, commit);
    linkNodeModules(worktree);
  } else {
    execFileSync('git', ['checkout', '-q', '--detach', commit], {
      cwd: worktree,
    });
  }
  // Before the CLI had a package of its own it lived in the backend plugin.
  const oldBin = path.join(
    worktree,
    'plugins/pipeline-triage-backend/bin/pipeline-triage',
  );
  const [cmd, ...pre] = fs.existsSync(oldBin)
    ? ['node', oldBin]
    : ['npx', 'pipeline-triage'];
  const run = spawnSync(cmd, [...pre, 'classify', '--json', input], {
    cwd: worktree,
    encoding: 'utf8',
    maxBuffer: 1e8,
  });
  if (!run.stdout.trim()) {
    skipped.push(commit.slice(0, 7));
    return [];
  }
  return run.stdout
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l))
    .map(r => {
      const expected = JSON.parse(
        fs.readFileSync(path.join(input, `${r.id}.json`), 'utf8'),
      ).expected;
      return { commit, id: r.id, predicted: r, expected };
    });
}

function summarise(records) {
  const n = records.length;
  const right = r =>
    r.predicted.category === r.expected.category ||
    (r.expected.acceptable ?? []).includes(r.predicted.category);
  const safe = records.filter(r => r.predicted.safeToRetry === true);
  const wrongSafe = safe.filter(r => r.expected.safe_to_retry === false);
  const actuallySafe = records.filter(r => r.expected.safe_to_retry === true);
  const written = records.filter(r => r.expected.partial_write === true);
  const ratio = (a, b) => (b ? Math.round((a / b) * 1000) / 1000 : null);
  return {
    cases: n,
    commits: new Set(records.map(r => r.commit)).size,
    accuracy: ratio(records.filter(right).length, n),
    abstained: records.filter(r => r.predicted.category === 'unknown').length,
    abstainedWrongly: records.filter(
      r => r.predicted.category === 'unknown' && !right(r),
    ).length,
    safeRetry: {
      predictedSafe: safe.length,
      wrong: wrongSafe.length,
      precision: ratio(safe.length - wrongSafe.length, safe.length),
      recall: ratio(
        actuallySafe.filter(r => r.predicted.safeToRetry === true).length,
        actuallySafe.length,
      ),
      wrongIds: wrongSafe.map(r => r.id),
    },
    partialWrite: {
      expectedTrue: written.length,
      predictedTrueOfThose: written.filter(
        r => r.predicted.partialWrite === 'true',
      ).length,
      recall: ratio(
        written.filter(r => r.predicted.partialWrite === 'true').length,
        written.length,
      ),
    },
  };
}

function main() {
  const commits = caseCommits();
  // Beside the checkout: the worktree's node_modules are hard links, which need one filesystem.
  let scratch;
  try {
    scratch = fs.mkdtempSync(path.join(path.dirname(ROOT), '.first-seen-'));
  } catch {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'first-seen-'));
  }
  const records = [];
  try {
    for (const c of commits)
      records.push(...classifyAt(c.commit, c.files, scratch));
  } finally {
    spawnSync(
      'git',
      ['worktree', 'remove', '--force', path.join(scratch, 'engine')],
      {
        cwd: ROOT,
      },
    );
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const report = { ...summarise(records), skippedCommits: skipped };
  if (recordsFile) {
    fs.writeFileSync(
      recordsFile,
      records
        .map(r =>
          JSON.stringify({
            id: r.id,
            commit: r.commit.slice(0, 7),
            predicted: {
              category: r.predicted.category,
              confidence: r.predicted.confidence,
              safeToRetry: r.predicted.safeToRetry,
              partialWrite: r.predicted.partialWrite,
            },
            expected: r.expected,
          }),
        )
        .join('\n') + '\n',
    );
  }
  if (asJson) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const s = report.safeRetry;
  const p = report.partialWrite;
  process.stdout.write(
    [
      `first seen: ${report.cases} tuning cases from ${report.commits} commits`,
      `accuracy ${report.accuracy}; unknown ${report.abstained} (${report.abstainedWrongly} wrongly)`,
      `safe to retry: ${s.predictedSafe} said safe, ${s.wrong} wrongly (precision ${s.precision}), recall ${s.recall}`,
      `partial write: ${p.predictedTrueOfThose} of ${p.expectedTrue} written runs read as written (recall ${p.recall})`,
      ...(s.wrongIds.length ? [`wrong "safe": ${s.wrongIds.join(', ')}`] : []),
      ...(skipped.length
        ? [
            `not run (the engine of that commit did not start here): ${skipped.join(
              ' ',
            )}`,
          ]
        : []),
      '',
    ].join('\n'),
  );
}

main();
