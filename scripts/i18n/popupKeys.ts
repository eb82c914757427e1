/**
 * Node-only helper (the popup build and tests, never bundled): which catalogue keys the popup can
 * show. It follows the popup's static imports from entrypoints/popup/main.tsx through the
 * project's own modules and collects every string literal that is a catalogue key, plus every
 * key starting with the fixed part of a template literal (`page.${kind}` → every "page." key).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

function resolveImport(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = resolve(root, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** The project's source files the popup loads at start (type-only imports excluded). */
export function popupSourceFiles(root: string, entry = 'entrypoints/popup/main.tsx'): string[] {
  const seen = new Set<string>();
  const queue = [resolve(root, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(
      /^\s*(import|export)\s+(type\s)?[^;]*?from\s*'([^']+)'|^\s*import\s*'([^']+)'/gm,
    )) {
      if (m[2]) continue;
      const found = resolveImport(root, file, m[3] ?? m[4]!);
      if (found) queue.push(found);
    }
  }
  return [...seen].sort();
}

/** Every quoted word-like string in `sources`, and the fixed heads of `head.${…}` templates. */
export function quotedAndPrefixes(sources: string[]): { quoted: Set<string>; prefixes: string[] } {
  const quoted = new Set<string>();
  const prefixes = new Set<string>();
  for (const src of sources) {
    for (const m of src.matchAll(/'([a-zA-Z][\w.-]*)'|"([a-zA-Z][\w.-]*)"/g)) quoted.add(m[1] ?? m[2]!);
    for (const m of src.matchAll(/`([a-zA-Z][\w-]*\.)\$\{/g)) prefixes.add(m[1]!);
  }
  return { quoted, prefixes: [...prefixes] };
}

/** Keys of `catalogue` that the given sources can show. */
export function keysUsedIn(sources: string[], catalogue: Record<string, string>): Set<string> {
  const { quoted, prefixes } = quotedAndPrefixes(sources);
  return new Set(
    Object.keys(catalogue).filter((k) => quoted.has(k) || prefixes.some((p) => k.startsWith(p))),
  );
}
