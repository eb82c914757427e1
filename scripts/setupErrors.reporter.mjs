// A vitest reporter that writes, for each test file, the errors thrown outside its tests (a
// failed beforeAll or afterAll, an import that throws). vitest's JSON report leaves them out,
// so without this a CI log could only say "a hook failed", not which or why.
// The path to write comes from SETUP_ERRORS_OUT (set by scripts/test.mjs).
import { writeFileSync } from 'node:fs';

const text = (e) =>
  String(e?.message ?? e ?? '')
    .split('\n')
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 300) ?? '';

export default class SetupErrorsReporter {
  onTestRunEnd(testModules) {
    const out = process.env.SETUP_ERRORS_OUT;
    if (!out) return;
    const byFile = {};
    for (const m of testModules) {
      const errors = [...m.errors()];
      for (const s of m.children.allSuites()) errors.push(...s.errors());
      if (errors.length > 0) byFile[m.moduleId] = errors.map(text).filter(Boolean);
    }
    writeFileSync(out, JSON.stringify(byFile, null, 2));
  }
}
