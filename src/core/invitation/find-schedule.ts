/**
 * Finds the practical details of an interview in the author's text: the kind of interview, the times
 * proposed, a booking link and a video-meeting link. Pure; reads only the text it is given.
 */

import type { InterviewKind, MeetingRequestDetails } from './email-input';
import { schedulingHosts, videoMeetingHosts } from './signals/mail-domains';
import { authorTextWindow } from './read-email-text';
import type { InvitationSignalTable } from './signals/signal-table';

export interface ScheduleDetails {
  interviewKind: InterviewKind | null;
  /** The phrase that named the kind, with its reason label. */
  kindEvidence: { reason: string; quote: string } | null;
  proposedTimes: string[];
  schedulingLink: string | null;
  videoLink: string | null;
}

interface CompiledSchedule {
  kinds: { kind: InterviewKind; reason: string }[];
  /** All kinds in one alternation, one capture group per kind in table order, so one pass finds the first. */
  anyKind: RegExp;
  time: RegExp;
}

const cache = new WeakMap<InvitationSignalTable, CompiledSchedule>();

function compileSchedule(table: InvitationSignalTable): CompiledSchedule {
  const cached = cache.get(table);
  if (cached) return cached;
  const weekday = `(?:${table.weekdays.join('|')})\\.?`;
  const month = `(?:${table.months.join('|')})\\.?`;
  const dayNumber = '\\d{1,2}(?:st|nd|rd|th)?';
  const clock = '\\d{1,2}(?:[:.]\\d{2})?\\s?(?:am|pm|a\\.m\\.|p\\.m\\.)|\\d{1,2}:\\d{2}|\\d{1,2}h(?:\\d{2})?';
  const range = `(?:${clock})(?:\\s?(?:-|–|—|to|until)\\s?(?:${clock}|\\d{1,2}))?`;
  const zone = '(?:\\s?\\(?(?:[A-Z]{2,5}|[A-Z][a-z]+ time|GMT[+-]\\d{1,2}|UTC[+-]\\d{1,2})\\)?)?';
  const date = `(?:${month}\\s${dayNumber}|${dayNumber}\\s(?:of\\s)?${month}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)`;
  const source =
    `\\b(?:${weekday}(?:,?\\s${date})?(?:,?\\s(?:at|from|@|between)?\\s?${range})?` +
    `|${date}(?:,?\\s(?:at|from|@|between)?\\s?${range})?` +
    `|(?:${clock})(?:\\s?(?:-|–|—|to)\\s?(?:${clock}))?)${zone}`;
  const compiled: CompiledSchedule = {
    kinds: table.interviewKinds.map((entry) => ({ kind: entry.kind, reason: entry.reason })),
    anyKind: new RegExp(
      `\\b(?:${table.interviewKinds.map((entry) => `((?:${entry.patterns.join('|')})\\b)`).join('|')})`,
      'i',
    ),
    time: new RegExp(source, 'gi'),
  };
  cache.set(table, compiled);
  return compiled;
}

/** How far into the author's text kinds and times are looked for: where a request states them. */
const KIND_CHARS = 8_192;

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'()[\]{}|\\^`]{1,300}/gi;
const BOOKING_PATH = /\/(?:schedul|book|availability|appointments?|calendar\/appointments|meetings?\/[a-z])/i;

function hostOf(url: string): string | null {
  const match = /^https?:\/\/([^/?#:]{1,253})/i.exec(url);
  return match?.[1]?.toLowerCase() ?? null;
}

function hostIn(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

function formatMeetingStart(start: Date | null, end: Date | null): string | null {
  if (!(start instanceof Date) || Number.isNaN(start.getTime())) return null;
  const iso = start.toISOString();
  let text = `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  if (end instanceof Date && !Number.isNaN(end.getTime()) && end.getTime() > start.getTime()) {
    const endIso = end.toISOString();
    text = `${iso.slice(0, 10)} ${iso.slice(11, 16)}–${endIso.slice(11, 16)} UTC`;
  }
  return text;
}

/** Links, times and the interview kind, from the subject, the author's text and a meeting request. */
export function findSchedule(
  subject: string,
  own: string,
  meeting: MeetingRequestDetails | null | undefined,
  table: InvitationSignalTable,
): ScheduleDetails {
  const compiled = compileSchedule(table);
  const location = typeof meeting?.location === 'string' ? meeting.location.slice(0, 500) : '';

  let interviewKind: InterviewKind | null = null;
  let kindEvidence: ScheduleDetails['kindEvidence'] = null;
  // The earliest kind named wins; at one position, the kind listed first in the table.
  const kindMatch = compiled.anyKind.exec(`${subject}\n${location}\n${own.slice(0, KIND_CHARS)}`);
  if (kindMatch) {
    const group = kindMatch.findIndex((captured, i) => i > 0 && captured !== undefined);
    const entry = compiled.kinds[group - 1];
    if (entry) {
      interviewKind = entry.kind;
      kindEvidence = { reason: entry.reason, quote: kindMatch[0] };
    }
  }

  let schedulingLink: string | null = null;
  let videoLink: string | null = null;
  URL_PATTERN.lastIndex = 0;
  const linkText = `${authorTextWindow(own)}\n${location}`;
  let link: RegExpExecArray | null;
  let links = 0;
  while ((link = URL_PATTERN.exec(linkText)) !== null && links++ < 200) {
    const url = link[0].replace(/[.,;:!?>*]+$/, '');
    const host = hostOf(url);
    if (host === null) continue;
    if (videoLink === null && hostIn(host, videoMeetingHosts)) videoLink = url;
    else if (schedulingLink === null && (hostIn(host, schedulingHosts) || BOOKING_PATH.test(url))) {
      schedulingLink = url;
    }
    if (schedulingLink !== null && videoLink !== null) break;
  }

  const proposedTimes: string[] = [];
  const meetingStart = formatMeetingStart(meeting?.start ?? null, meeting?.end ?? null);
  if (meetingStart !== null) proposedTimes.push(meetingStart);
  compiled.time.lastIndex = 0;
  const timeText = own.slice(0, KIND_CHARS);
  let time: RegExpExecArray | null;
  let scanned = 0;
  while ((time = compiled.time.exec(timeText)) !== null && scanned++ < 200) {
    const found = time[0].trim();
    // A bare weekday ("Monday") or bare number is not a proposed time; keep dates and clock times.
    if (!/\d/.test(found)) continue;
    if (!proposedTimes.some((known) => known.toLowerCase() === found.toLowerCase()))
      proposedTimes.push(found);
    if (proposedTimes.length >= 6) break;
  }

  return { interviewKind, kindEvidence, proposedTimes, schedulingLink, videoLink };
}
