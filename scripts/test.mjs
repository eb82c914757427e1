#!/usr/bin/env node
// `npm test`: unit tests, then both builds, then the end-to-end suite once in headless
// Chromium and once in headless Firefox ESR. Prints what ran and passed in each part and
// ends with one "N passed, N failed" line. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7); // unit | chromium | firefox
const filters = args.filter((a) => !a.startsWith('--'));
const tmp = '.tmp/test-results';
mkdirSync(tmp, { recursive: true });

const results = [];
let failedStep = false;

function run(cmd, cmdArgs, env = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

/** One vitest run with the JSON report and the setup-error report; returns both, parsed. */
function vitestOnce(label, config, env, files) {
  const out = join(tmp, `${label}.json`);
  const setupOut = join(tmp, `${label}.setup-errors.json`);
  rmSync(out, { force: true });
  rmSync(setupOut, { force: true });
  const status = run(
    'npx',
    [
      'vitest',
      'run',
      ...(config ? ['-c', config] : []),
      '--reporter=default',
      '--reporter=json',
      '--reporter=./scripts/setupErrors.reporter.mjs',
      `--outputFile.json=${out}`,
      ...files,
    ],
    { ...env, SETUP_ERRORS_OUT: setupOut },
  );
  const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined);
  return { status, report: read(out), setupErrors: read(setupOut) ?? {} };
}

/** Files that failed only outside their tests (a beforeAll, an import): no test of theirs failed. */
function setupFailures(report) {
  return (report?.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'),
  );
}

const countsOf = (assertions) => ({
  total: assertions.length,
  passed: assertions.filter((t) => t.status === 'passed').length,
  failed: assertions.filter((t) => t.status === 'failed').length,
  skipped: assertions.filter((t) => t.status !== 'passed' && t.status !== 'failed').length,
});

/**
 * Runs one part of the suite and records its counts and problems. With `rerunSetupFailures`
 * (the end-to-end parts), a file whose set-up failed (its beforeAll: starting a browser,
 * creating a vault on a loaded machine) is run once more on its own, because vitest retries
 * tests but never hooks. The rerun is said in the log and in the summary; a file that fails
 * twice fails the run, with the set-up error of both tries.
 */
function vitest(name, config, env = {}, { rerunSetupFailures = false } = {}) {
  const first = vitestOnce(name, config, env, filters);
  let status = first.status;
  let passed = 0,
    failed = 0,
    skipped = 0,
    total = 0;
  const problems = [];
  const notes = [];
  if (first.report) {
    const j = first.report;
    passed = j.numPassedTests;
    failed = j.numFailedTests;
    skipped = j.numPendingTests + (j.numTodoTests ?? 0);
    total = j.numTotalTests;
    const setupFailed = setupFailures(j);
    let again;
    if (rerunSetupFailures && setupFailed.length > 0 && j.numFailedTests === 0) {
      const files = setupFailed.map((f) => String(f.name));
      console.log(
        `\n↻ Set-up failed in ${files.map(rel).join(', ')}; running ${files.length === 1 ? 'it' : 'them'} once more`,
      );
      for (const f of files) notes.push(`${rel(f)}: set-up failed (${setupErrorOf(first, f)}); rerun`);
      again = vitestOnce(`${name} rerun`, config, env, files);
      if (again.report) {
        for (const f of setupFailed) {
          const before = countsOf(f.assertionResults ?? []);
          const after = countsOf(
            (again.report.testResults ?? []).find((r) => r.name === f.name)?.assertionResults ?? [],
          );
          total += after.total - before.total;
          passed += after.passed - before.passed;
          failed += after.failed - before.failed;
          skipped += after.skipped - before.skipped;
        }
        // Only set-up failures reach here (no test failed), and every one of them was rerun.
        status = again.status;
      }
    }
    problems.push(
      ...problemsOf(
        again?.report
          ? {
              testResults: [
                ...j.testResults.filter((f) => !again.report.testResults.some((r) => r.name === f.name)),
                ...again.report.testResults,
              ],
            }
          : j,
        again ?? first,
      ),
    );
  }
  if (status !== 0 && failed === 0) {
    // A crash, a failed hook (beforeAll) or an unhandled error: no test itself failed.
    failed = 1;
    if (problems.length === 0)
      problems.push('vitest exited with an error outside any test (see its output above)');
  }
  results.push({ name, total, passed, failed, skipped, problems, notes });
  if (status !== 0) failedStep = true;
}

const rel = (file) => String(file).replace(process.cwd() + '/', '');
const setupErrorOf = (run, file) => run.setupErrors[file]?.join(' / ') || 'no error text';

const firstLine = (text) =>
  String(text ?? '')
    .split('\n')
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 300) ?? '';

/**
 * What failed, one line each, from vitest's JSON report: failed tests with their first error
 * line, and files that failed outside any test (a beforeAll, an import) with the error that
 * stopped them and the tests they left unrun. Printed again in the summary, so the end of a
 * long CI log says what broke.
 */
function problemsOf(report, run) {
  const lines = [];
  for (const file of report.testResults ?? []) {
    const name = rel(file.name);
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed') lines.push(`${name} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    const unrun = (file.assertionResults ?? []).filter((t) => t.status !== 'passed' && t.status !== 'failed');
    if (file.status === 'failed' && (unrun.length > 0 || file.message))
      lines.push(
        `${name}: failed outside its tests: ${firstLine(file.message) || run.setupErrors[file.name]?.join(' / ') || 'no error text (see the log above)'}; not run: ${
          unrun.map((t) => t.fullName).join(' | ') || 'none'
        }`,
      );
  }
  return lines;
}

function findBrowser(name) {
  const c =
    name === 'chromium'
      ? {
          env: 'CHROME_PATH',
          paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
          install: 'sudo apt-get install -y chromium',
          label: 'Chromium',
        }
      : {
          env: 'FIREFOX_PATH',
          paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
          install: 'sudo apt-get install -y firefox-esr',
          label: 'Firefox ESR',
        };
  const p = process.env[c.env] || c.paths.find((x) => existsSync(x));
  if (!p || !existsSync(p)) {
    console.error(
      `\n✖ ${c.label} is missing: the end-to-end tests need it. Install it with: ${c.install} (or set ${c.env}).\n`,
    );
    return false;
  }
  return true;
}

if (!only || only === 'unit') {
  console.log('\n=== Unit tests (vitest, fake browser) ===');
  vitest('unit', undefined);
}
if (!only || only === 'chromium' || only === 'firefox') {
  console.log('\n=== Build: Chrome MV3 and Firefox MV2 ===');
  if (run('npx', ['wxt', 'build']) !== 0 || run('npx', ['wxt', 'build', '-b', 'firefox']) !== 0) {
    console.error('✖ The build failed; end-to-end tests cannot run.');
    process.exit(1);
  }
  for (const b of ['chromium', 'firefox']) {
    if (only && only !== b) continue;
    console.log(`\n=== End-to-end tests in headless ${b} ===`);
    if (!findBrowser(b)) {
      results.push({ name: `e2e ${b}`, total: 0, passed: 0, failed: 1, skipped: 0 });
      failedStep = true;
      continue;
    }
    vitest(`e2e ${b}`, 'vitest.e2e.config.ts', { E2E_BROWSER: b }, { rerunSetupFailures: true });
  }
}

console.log('\n=== Summary ===');
for (const r of results) {
  console.log(
    `${r.name.padEnd(14)} ${r.total} ran: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`,
  );
  for (const n of r.notes ?? []) console.log(`  ↻ ${n}`);
  for (const p of r.problems ?? []) console.log(`  ✖ ${p}`);
}
const sum = (k) => results.reduce((a, r) => a + r[k], 0);
console.log(
  `${sum('passed')} passed, ${sum('failed')} failed${sum('skipped') ? `, ${sum('skipped')} skipped` : ''}`,
);
process.exit(failedStep || sum('failed') > 0 ? 1 : 0);
