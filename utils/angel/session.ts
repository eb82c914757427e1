/** Angel's sessions end at midnight India time (UTC+5:30, no daylight saving). */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The first midnight in India strictly after `ms`. */
export function nextMidnightIst(ms: number): number {
  const istDayStart = Math.floor((ms + IST_OFFSET_MS) / DAY_MS) * DAY_MS;
  return istDayStart + DAY_MS - IST_OFFSET_MS;
}
