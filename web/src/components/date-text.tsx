// A date or date-time in running text: formatted by lib/dates.ts, machine-readable, never broken across lines.
import { formatDate, formatDateTime } from '../lib/dates.ts';
import './date-text.css';

export function DateText({ value, time = false, className }: {
  value: string | null | undefined;
  /** with the time of day (HH:mm, China time) */
  time?: boolean;
  className?: string;
}) {
  if (!value) return null;
  return (
    <time className={className ? `nowrap ${className}` : 'nowrap'} dateTime={value}>
      {time ? formatDateTime(value) : formatDate(value)}
    </time>
  );
}
