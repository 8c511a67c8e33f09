const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago" — past or future. */
export function formatRelativeTime(date: Date, now: Date = new Date(), locale = "en"): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    // Round to the unit once at least ~0.75 of it has passed (45 minutes → "1 hour ago").
    if (Math.abs(seconds) >= size * 0.75 || unit === "minute")
      return format.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

/** The full date and time, for a tooltip beside a relative time. */
export function formatDateTime(date: Date, locale = "en"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}
