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

function vitest(name, config, env = {}) {
  const out = join(tmp, `${name}.json`);
  rmSync(out, { force: true });
  const status = run(
    'npx',
    [
      'vitest',
      'run',
      ...(config ? ['-c', config] : []),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
      ...filters,
    ],
    env,
  );
  let passed = 0,
    failed = 0,
    skipped = 0,
    total = 0;
  const problems = [];
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    passed = j.numPassedTests;
    failed = j.numFailedTests;
    skipped = j.numPendingTests + (j.numTodoTests ?? 0);
    total = j.numTotalTests;
    problems.push(...problemsOf(j));
  }
  if (status !== 0 && failed === 0) {
    // A crash, a failed hook (beforeAll) or an unhandled error: no test itself failed.
    failed = 1;
    if (problems.length === 0)
      problems.push('vitest exited with an error outside any test (see its output above)');
  }
  results.push({ name, total, passed, failed, skipped, problems });
  if (status !== 0) failedStep = true;
}

const firstLine = (text) =>
  String(text ?? '')
    .split('\n')
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 300) ?? '';

/**
 * What failed, one line each, from vitest's JSON report: failed tests with their first error
 * line, and files that failed outside any test (a beforeAll, an import) with the tests they
 * left unrun. Printed again in the summary, so the end of a long CI log says what broke.
 */
function problemsOf(report) {
  const lines = [];
  for (const file of report.testResults ?? []) {
    const rel = String(file.name).replace(process.cwd() + '/', '');
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed') lines.push(`${rel} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    const unrun = (file.assertionResults ?? []).filter((t) => t.status !== 'passed' && t.status !== 'failed');
    if (file.status === 'failed' && (unrun.length > 0 || file.message))
      lines.push(
        `${rel}: ${firstLine(file.message) || 'failed outside its tests (a beforeAll hook?)'}; not run: ${
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
    vitest(`e2e ${b}`, 'vitest.e2e.config.ts', { E2E_BROWSER: b });
  }
}

console.log('\n=== Summary ===');
for (const r of results) {
  console.log(
    `${r.name.padEnd(14)} ${r.total} ran: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`,
  );
  for (const p of r.problems ?? []) console.log(`  ✖ ${p}`);
}
const sum = (k) => results.reduce((a, r) => a + r[k], 0);
console.log(
  `${sum('passed')} passed, ${sum('failed')} failed${sum('skipped') ? `, ${sum('skipped')} skipped` : ''}`,
);
process.exit(failedStep || sum('failed') > 0 ? 1 : 0);
