/**
 * The popup-speed goals (README, "Performance") and the table `npm run bench` prints beside
 * them: popup time-to-codes over a blank extension page at N=50 and N=150, the popup's
 * JavaScript on open, the content script, and the unlock time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureEntry } from './bundle';
import { describePopupMethod, type PopupBench } from './popup';

const KB = 1024;

export interface GoalRow {
  what: string;
  value: string;
  goal: string;
  met: boolean | null;
}

/** The manifest's content scripts that match one of Angel's portal hosts. */
export function angelContentScripts(chromeDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(chromeDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches?: string[]; js?: string[] }[];
  };
  const files = new Set<string>();
  for (const cs of manifest.content_scripts ?? []) {
    if (!(cs.matches ?? []).some((m) => /smartapi\.angel(one|broking)\./.test(m))) continue;
    for (const f of cs.js ?? []) files.add(f);
  }
  return [...files];
}

export function goalRows(outDir: string, popup: PopupBench | null): GoalRow[] {
  const chrome = join(outDir, 'chrome-mv3');
  const pop = measureEntry(chrome, 'popup.html');
  // Every content script an Angel page loads counts, not only the main one: the manifest's.
  // Scripts registered at runtime for other sites (the platform fill) never run on Angel's pages.
  const content = angelContentScripts(chrome)
    .map((f) => measureEntry(chrome, f))
    .reduce((sum, m) => ({ ...m, jsGzipBytes: sum.jsGzipBytes + m.jsGzipBytes }));
  const rows: GoalRow[] = [];
  for (const [n, goal] of [
    [50, 2.0],
    [150, 2.5],
  ] as const) {
    const r = popup?.sizes.find((s) => s.n === n);
    rows.push({
      what: `Popup time-to-codes ÷ blank page, N=${n}`,
      value: r
        ? `${r.ratio.toFixed(2)}× (${r.medianPopupMs.toFixed(0)} / ${r.medianBlankMs.toFixed(0)} ms)`
        : 'not measured',
      goal: `≤ ${goal.toFixed(1)}×`,
      met: r ? r.ratio <= goal : null,
    });
  }
  rows.push({
    what: 'Popup JS on open (gzip)',
    value: `${(pop.jsGzipBytes / KB).toFixed(1)} KB in ${pop.jsFiles} file${pop.jsFiles === 1 ? '' : 's'}`,
    goal: '≤ 85 KB',
    met: pop.jsGzipBytes <= 85 * KB,
  });
  rows.push({
    what: 'Content script (gzip)',
    value: `${(content.jsGzipBytes / KB).toFixed(1)} KB`,
    goal: '≤ 40 KB',
    met: content.jsGzipBytes <= 40 * KB,
  });
  if (existsSync(join(chrome, 'content-scripts/platform.js')))
    rows.push({
      what: 'Platform content script, trading platforms turned on only (gzip)',
      value: `${(measureEntry(chrome, 'content-scripts/platform.js').jsGzipBytes / KB).toFixed(1)} KB`,
      goal: 'report',
      met: null,
    });
  rows.push({
    what: 'Unlock → all codes shown, N=50',
    value:
      popup && Number.isFinite(popup.medianUnlockMs)
        ? `${popup.medianUnlockMs.toFixed(0)} ms`
        : 'not measured',
    goal: 'report',
    met: null,
  });
  return rows;
}

/** A Markdown table (it goes into the README as printed). */
export function goalsTable(rows: GoalRow[], runs: number): string {
  const mark = (m: boolean | null) => (m === null ? '' : m ? 'met' : 'NOT met');
  return [
    '| Measure | This run | Goal | |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.goal} | ${mark(r.met)} |`),
    '',
    describePopupMethod(runs),
    'Sizes: the scripts a page loads at start and their static imports, gzip -9, 1 KB = 1024 bytes.',
  ].join('\n');
}
