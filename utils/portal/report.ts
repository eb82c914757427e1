/** A fill report as plain lines, shared by the in-page control and the popup. */
import type { FieldOutcome } from './filler';
import type { FillReport } from './protocol';

export function reportLines(report: FillReport): { status: string; text: string }[] {
  const lines: { status: string; text: string }[] = [];
  for (const i of report.issues) {
    lines.push({ status: i.severity, text: `${i.message} ${i.fix}` });
  }
  if (report.blocked) {
    lines.unshift({
      status: 'error',
      text: `Nothing was filled: fix the profile "${report.profileName}" first.`,
    });
    return lines;
  }
  if (!report.formFound) {
    lines.push({
      status: 'error',
      text: 'No create-app form is open on this page. Click "+ ADD APP" (or open the create-app page) and try again.',
    });
    return lines;
  }
  const words: Record<FieldOutcome['status'], string> = {
    filled: 'filled',
    'not-found': 'not found',
    rejected: 'rejected by the page',
    skipped: 'skipped',
  };
  for (const o of report.outcomes) {
    lines.push({
      status: o.status,
      text: `${o.label}: ${words[o.status]}${o.detail ? ` — ${o.detail}` : ''}`,
    });
  }
  lines.push({ status: 'note', text: 'Check the values, then press the page’s own Create button yourself.' });
  return lines;
}
