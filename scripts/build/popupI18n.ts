/**
 * Build-time only (wxt.config.ts), for the popup's own build:
 * - the page-wide i18n modules (utils/i18n/index.ts with every page's text in both languages,
 *   inPage.ts, router.ts) resolve to utils/i18n/popup.ts, which holds the popup's texts and
 *   loads Hindi on demand; the popup's components keep importing '@/utils/i18n';
 * - the in-page and router catalogues it shares with other pages are cut down to the keys the
 *   popup's code names (scripts/i18n/popupKeys.ts, checked by tests/unit/i18n/popupCatalogue.test.ts);
 * - `browser` is the browser's own promise-based object (Chrome MV3's `chrome`, Firefox's
 *   `browser`) instead of webextension-polyfill: the popup only calls promise-returning APIs
 *   and registers no runtime.onMessage listener, the one place the polyfill changes behaviour.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { popupSourceFiles, quotedAndPrefixes } from '../i18n/popupKeys';

/** Catalogue files the popup shares with other pages: only the keys it uses are kept. */
const PRUNED = ['en.portal-login.ts', 'hi.portal-login.ts', 'en.background.ts', 'hi.background.ts'];

/** `source` without the properties of its exported object literals that `keep` refuses. */
export function pruneCatalogue(source: string, keep: (key: string) => boolean): string {
  const sf = ts.createSourceFile('catalogue.ts', source, ts.ScriptTarget.Latest, true);
  const cuts: Array<[number, number]> = [];
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      let init: ts.Expression = node.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
      if (ts.isObjectLiteralExpression(init)) {
        for (const p of init.properties) {
          if (!ts.isPropertyAssignment(p)) continue;
          const key = ts.isStringLiteral(p.name) || ts.isIdentifier(p.name) ? p.name.text : null;
          if (key === null || keep(key)) continue;
          let end = p.getEnd();
          if (source[end] === ',') end++;
          cuts.push([p.getStart(), end]);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = source;
  for (const [s, e] of cuts.reverse()) out = out.slice(0, s) + out.slice(e);
  return out;
}

export function popupI18n(root: string): Plugin {
  const dir = resolve(root, 'utils/i18n');
  const replaced = new Set(['index.ts', 'inPage.ts', 'router.ts'].map((f) => resolve(dir, f)));
  const target = resolve(dir, 'popup.ts');
  const pruned = new Set(PRUNED.map((f) => resolve(dir, f)));
  let used: ((key: string) => boolean) | null = null;
  return {
    name: 'smartapi-companion:popup-i18n',
    enforce: 'pre',
    buildStart() {
      const sources = popupSourceFiles(root)
        .filter((f) => !f.startsWith(dir))
        .map((f) => readFileSync(f, 'utf8'));
      const { quoted, prefixes } = quotedAndPrefixes(sources);
      used = (key) => quoted.has(key) || prefixes.some((p) => key.startsWith(p));
    },
    async resolveId(source, importer, options) {
      if (source === '@wxt-dev/webextension-polyfill/browser')
        return resolve(root, 'node_modules/wxt/dist/browser.mjs');
      if (!importer || !/i18n/.test(source)) return null;
      const found = await this.resolve(source, importer, { ...options, skipSelf: true });
      return found && replaced.has(found.id) ? target : null;
    },
    transform(code, id) {
      if (!pruned.has(id.split('?')[0]!) || !used) return null;
      return { code: pruneCatalogue(code, used), map: null };
    },
  };
}
