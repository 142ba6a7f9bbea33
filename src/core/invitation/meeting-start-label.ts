/**
 * How the analysis names a meeting request's own time among the proposed times ("2027-01-12 14:00–14:45 UTC"):
 * in UTC, since core reads no clock or zone. Its own small module so the pane can recognise that entry
 * (and show the time in local time instead) without loading the detector.
 */
export function meetingStartLabel(start: unknown, end: unknown): string | null {
  if (!isValidDate(start)) return null;
  const iso = start.toISOString();
  const day = iso.slice(0, 10);
  const from = iso.slice(11, 16);
  if (isValidDate(end) && end.getTime() > start.getTime())
    return `${day} ${from}–${end.toISOString().slice(11, 16)} UTC`;
  return `${day} ${from} UTC`;
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
