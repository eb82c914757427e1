/**
 * `npm run bench` — performance numbers measured in a real browser (headless Chromium with
 * the built extension and the local look-alike Angel site).
 *
 *   npm run bench               build, then every benchmark
 *   npm run bench -- --runs=30  more repetitions (default 15; BENCH_RUNS works too)
 *   npm run bench -- --popup-only              only the popup goals table (sizes, speed, unlock)
 *   npm run bench -- --popup-only --out=DIR    the same for an extension already built in DIR
 *                                              (e.g. an older commit, for a before/after table)
 *
 * Benchmarks: bundle sizes (scripts/bench/bundle.ts), popup speed and the goals table
 * (scripts/bench/popup.ts, scripts/bench/goals.ts), fill (scripts/bench/fill.ts), daily login
 * (scripts/bench/login.ts, also on the two-mode page for the login fill latency).
 */
import { spawnSync } from 'node:child_process';
import { runFillBench, summarise } from './bench/fill';
import { benchLogin } from './bench/login';
import { bundleReport } from './bench/bundle';
import { runPopupBench } from './bench/popup';
import { goalRows, goalsTable } from './bench/goals';
import { resolve } from 'node:path';

process.env.E2E_BROWSER = 'chromium';
const runsArg = process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? process.env.BENCH_RUNS;
const runs = Math.max(3, Number(runsArg) || 15);
const popupOnly = process.argv.includes('--popup-only');
const prebuilt = process.argv.find((a) => a.startsWith('--out='))?.slice(6);

async function main(): Promise<void> {
  const outDir = resolve(prebuilt ?? (process.env.SAC_OUT_DIR || '.output'));
  if (!prebuilt) {
    console.log('Building the extension (Chrome MV3)…');
    const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'pipe', encoding: 'utf8' });
    if (build.status !== 0) {
      console.error(build.stdout ?? '', build.stderr ?? '');
      throw new Error('The build failed (see above).');
    }
  }
  console.log(bundleReport(resolve(outDir, 'chrome-mv3')));
  console.log('');
  console.log(`Popup benchmark: N=50 and N=150, ${runs} interleaved opens each plus 2 warm-ups…`);
  const popup = await runPopupBench(outDir, runs, (line) => console.log(`  ${line}`));
  console.log('');
  console.log(`Popup goals (${outDir}):`);
  console.log(goalsTable(goalRows(outDir, popup), runs));
  console.log('');
  if (popupOnly) return;
  console.log(`Fill benchmark: ${runs} runs plus one warm-up…`);
  const results = await runFillBench(runs, (line) => console.log(`  ${line}`));
  console.log('');
  console.log(summarise(results));
  console.log('');
  console.log(
    `Daily login benchmark: ${runs} runs plus one warm-up (each run starts with 10 s or more left in the TOTP window)…`,
  );
  const login = await benchLogin({ runs, log: (line) => console.log(`  ${line}`) });
  console.log(
    `Daily login (${login.browser}, ${login.style} look-alike): "Log in" → tokens captured, median ${login.medianExtensionMs} ms; ` +
      `a plain puppeteer script filling the same page (the floor), median ${login.medianFloorMs} ms; ` +
      `ratio of medians ${login.ratio.toFixed(2)}×.`,
  );
  console.log('');
  console.log(`Login fill latency on the two-mode page: ${runs} runs plus one warm-up…`);
  const modes = await benchLogin({ runs, style: 'two-modes', log: (line) => console.log(`  ${line}`) });
  console.log(
    `Login fill latency (TOTP block shown → the page's input events saw all three values), median ` +
      `${modes.medianFillMs === null ? 'n/a' : `${modes.medianFillMs.toFixed(1)} ms`}; "Log in" → tokens median ${modes.medianExtensionMs} ms.`,
  );
}

main().catch((err) => {
  console.error(`Benchmark failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
