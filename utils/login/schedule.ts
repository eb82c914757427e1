/**
 * Daily login schedule in India Standard Time (UTC+05:30, no daylight saving), the
 * exchanges' clock, whatever the computer's time zone is.
 */
import { DAY_MS, istDateKey, istMidnightOf, istWeekday } from '../ist';

export { IST_OFFSET_MS, istDateKey, istMidnightOf, istWeekday, nextMidnightIst } from '../ist';

export interface LoginSchedule {
  enabled: boolean;
  /** "HH:MM" in IST, 24-hour. */
  time: string;
  /** Days of the week to run, 0 = Sunday ... 6 = Saturday (IST). */
  weekdays: number[];
  /** IST dates "YYYY-MM-DD" to skip (exchange holidays). */
  holidays: string[];
}

export const DEFAULT_SCHEDULE: LoginSchedule = {
  enabled: false,
  time: '08:45',
  weekdays: [1, 2, 3, 4, 5],
  holidays: [],
};

export function parseTime(time: string): { h: number; m: number } | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  if (!m) return null;
  return { h: Number(m[1]), m: Number(m[2]) };
}

export function isValidDateKey(key: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return false;
  const d = new Date(`${key}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === key;
}

/** Whether the schedule runs on the IST day of `ms` (weekday chosen and not a holiday). */
export function isScheduledDay(s: LoginSchedule, ms: number): boolean {
  return s.weekdays.includes(istWeekday(ms)) && !s.holidays.includes(istDateKey(ms));
}

/**
 * The next run strictly after `nowMs`, or null when the schedule is off or can never run
 * (no weekday chosen, bad time). Looks at most 400 days ahead (holiday lists are finite).
 */
export function nextRunAt(s: LoginSchedule, nowMs: number): number | null {
  if (!s.enabled || s.weekdays.length === 0) return null;
  const t = parseTime(s.time);
  if (!t) return null;
  const offset = (t.h * 60 + t.m) * 60 * 1000;
  let day = istMidnightOf(nowMs);
  for (let i = 0; i < 400; i++, day += DAY_MS) {
    const at = day + offset;
    if (at > nowMs && isScheduledDay(s, at)) return at;
  }
  return null;
}

/** Normalise a user-typed holiday list: one date per line or comma; returns errors too. */
export function parseHolidays(text: string): { dates: string[]; invalid: string[] } {
  const dates = new Set<string>();
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const v = raw.trim();
    if (!v) continue;
    if (isValidDateKey(v)) dates.add(v);
    else invalid.push(v);
  }
  return { dates: [...dates].sort(), invalid };
}
