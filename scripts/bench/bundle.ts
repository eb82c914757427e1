/**
 * Bundle sizes of the built extension: what each page really loads (its HTML's scripts and
 * styles plus every chunk they import, followed statically), raw and gzipped. The popup opens
 * on every click, so it must stay small; the options page is the baseline it is compared to.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, normalize } from 'node:path';

export interface BundleSize {
  entry: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
  /** Scripts only (the popup's goal counts JavaScript, not styles). */
  jsFiles: number;
  jsGzipBytes: number;
}

function staticImports(code: string): string[] {
  const out: string[] = [];
  // `import … from "./x.js"` and `import "./x.js"`; dynamic import() is lazy and not counted.
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g))
    out.push(m[1]!);
  for (const m of code.matchAll(/(?:^|[;\s}])export\s*[^'"()]*?from\s*["']([^"']+)["']/g)) out.push(m[1]!);
  return out;
}

export function measureEntry(outDir: string, entry: string): BundleSize {
  const seen = new Set<string>();
  const queue: string[] = [];
  const enqueue = (p: string) => {
    const n = normalize(p);
    if (!seen.has(n) && existsSync(n)) {
      seen.add(n);
      queue.push(n);
    }
  };
  const entryPath = join(outDir, entry);
  if (entry.endsWith('.html')) {
    const html = readFileSync(entryPath, 'utf8');
    for (const m of html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) {
      const ref = m[1]!;
      enqueue(ref.startsWith('/') ? join(outDir, ref) : join(dirname(entryPath), ref));
    }
  } else {
    enqueue(entryPath);
  }
  let raw = 0;
  let gz = 0;
  let jsFiles = 0;
  let jsGz = 0;
  while (queue.length) {
    const file = queue.shift()!;
    const buf = readFileSync(file);
    raw += buf.length;
    const g = gzipSync(buf, { level: 9 }).length;
    gz += g;
    if (file.endsWith('.js')) {
      jsFiles++;
      jsGz += g;
      for (const spec of staticImports(buf.toString('utf8'))) {
        if (spec.startsWith('.') || spec.startsWith('/'))
          enqueue(spec.startsWith('/') ? join(outDir, spec) : join(dirname(file), spec));
      }
    }
  }
  return { entry, files: seen.size, rawBytes: raw, gzipBytes: gz, jsFiles, jsGzipBytes: jsGz };
}

export function bundleReport(outDir: string): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const rows = ['popup.html', 'options.html', 'background.js', 'content-scripts/portal.js']
    .filter((e) => existsSync(join(outDir, e)))
    .map((e) => measureEntry(outDir, e));
  const options = rows.find((r) => r.entry === 'options.html');
  const lines = rows.map((r) => {
    const ratio =
      options && r.entry !== 'options.html'
        ? `  (${(r.gzipBytes / options.gzipBytes).toFixed(2)}× the options page)`
        : '';
    return `  ${r.entry.padEnd(26)} ${String(r.files).padStart(2)} files  ${kb(r.rawBytes).padStart(9)} raw  ${kb(r.gzipBytes).padStart(9)} gzip${ratio}`;
  });
  return [
    'Bundle sizes (what each entry loads at start; lazy chunks such as the QR decoder excluded):',
    ...lines,
  ].join('\n');
}
