import type { MeetingRequestDetails } from '../../core/invitation/email-input';

/**
 * "Thu, 3 Dec 2026, 10:00–10:45 GMT+1 · Teams" in the user's locale and time zone (or `timeZone`), naming the
 * zone so the local time is unambiguous; null when there is no valid start.
 */
export function formatMeetingTime(
  meeting: MeetingRequestDetails,
  locale?: string,
  timeZone?: string,
): string | null {
  const { start, location } = meeting;
  if (!isValidDate(start)) return null;
  const end = isValidDate(meeting.end) ? meeting.end : null;
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  const timeWithZone = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  });
  let when: string;
  if (!end) when = `${day.format(start)}, ${timeWithZone.format(start)}`;
  else if (day.format(end) === day.format(start))
    when = `${day.format(start)}, ${time.format(start)}–${timeWithZone.format(end)}`;
  else when = `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${timeWithZone.format(end)}`;
  return location ? `${when} · ${location}` : when;
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
