/**
 * India Standard Time (UTC+05:30, no daylight saving): the exchanges' clock, and the end of
 * Angel's sessions (midnight IST), whatever the computer's time zone is.
 */
export const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Start of the IST day containing `ms`, as epoch ms. */
export function istMidnightOf(ms: number): number {
  return Math.floor((ms + IST_OFFSET_MS) / DAY_MS) * DAY_MS - IST_OFFSET_MS;
}

/** The first midnight IST strictly after `ms`: when Angel's session ends. */
export function nextMidnightIst(ms: number): number {
  return istMidnightOf(ms) + DAY_MS;
}

/** The IST calendar date of an instant, "YYYY-MM-DD". */
export function istDateKey(ms: number): string {
  return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Day of the week in IST, 0 = Sunday. */
export function istWeekday(ms: number): number {
  return new Date(ms + IST_OFFSET_MS).getUTCDay();
}
