import { useEffect, useState } from "react";
import { formatDateTime, formatRelativeTime } from "../lib/relative-time";

/** "5 minutes ago", kept current; the full date in the tooltip and the datetime attribute. */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={formatDateTime(date)}>
      {formatRelativeTime(date, now)}
    </time>
  );
}
