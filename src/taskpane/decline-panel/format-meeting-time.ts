import type { MeetingRequestDetails } from '../../core/invitation/email-input';

/** "Thu, 3 Dec 2026, 10:00–10:45 · Teams" in the user's locale and time zone; null when there is no start. */
export function formatMeetingTime(meeting: MeetingRequestDetails, locale?: string): string | null {
  if (!meeting.start) return null;
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const sameDay = meeting.end && day.format(meeting.end) === day.format(meeting.start);
  let when = `${day.format(meeting.start)}, ${time.format(meeting.start)}`;
  if (meeting.end)
    when += sameDay
      ? `–${time.format(meeting.end)}`
      : ` – ${day.format(meeting.end)}, ${time.format(meeting.end)}`;
  return meeting.location ? `${when} · ${meeting.location}` : when;
}
