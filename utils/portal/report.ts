/** A fill report as plain lines, shared by the in-page control and the popup. */
import { t, type InPageKey } from '../i18n/inPage';
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
      text: t('ip.blocked', { name: report.profileName }),
    });
    return lines;
  }
  if (!report.formFound) {
    lines.push({
      status: 'error',
      text: t('ip.noForm'),
    });
    return lines;
  }
  const words: Record<FieldOutcome['status'], InPageKey> = {
    filled: 'ip.outFilled',
    'not-found': 'ip.outNotFound',
    rejected: 'ip.outRejected',
    skipped: 'ip.outSkipped',
  };
  for (const o of report.outcomes) {
    lines.push({
      status: o.status,
      text: `${o.label}: ${t(words[o.status])}${o.detail ? ` — ${o.detail}` : ''}`,
    });
  }
  lines.push({ status: 'note', text: t('ip.checkCreate') });
  return lines;
}
