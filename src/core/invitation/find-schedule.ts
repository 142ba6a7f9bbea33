/**
 * Finds the practical details of an interview in the author's text: the kind of interview, the times
 * proposed, a booking link and a video-meeting link. Pure; reads only the text it is given.
 */

import { usesWordGate } from './anchor-words';
import type { InterviewKind, MeetingRequestDetails } from './email-input';
import { schedulingHosts, videoMeetingHosts } from './signals/mail-domains';
import { meetingStartLabel } from './meeting-start-label';
import { authorTextWindow } from './read-email-text';
import type { InvitationSignalTable } from './signals/signal-table';

export interface ScheduleDetails {
  interviewKind: InterviewKind | null;
  /** The phrase that named the kind, with its reason label. */
  kindEvidence: { reason: string; quote: string } | null;
  /** Quoted times; a meeting request's own time, when it has a valid start, comes first. */
  proposedTimes: string[];
  /** True when `proposedTimes` starts with the meeting request's own time. */
  meetingTimeListed: boolean;
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
  // Whole names only: "Tues 9 Sept" is not "Tue" + "s", nor "Sep" + "t".
  const weekday = `(?:${table.weekdays.join('|')})\\b\\.?`;
  const month = `(?:${table.months.join('|')})\\b\\.?`;
  const dayNumber = '\\d{1,2}(?:st|nd|rd|th)?';
  // \\b after am/pm: "19%3ameeting_…" in a Teams link is not 3 am.
  const meridiem = '\\s?(?:am\\b|pm\\b|a\\.m\\.|p\\.m\\.)';
  const clock = `\\d{1,2}(?:[:.]\\d{2})?${meridiem}|\\d{1,2}:\\d{2}|\\d{1,2}h(?:\\d{2})?(?:${meridiem})?`;
  // "3-4pm", "3 or 4pm": a bare hour borrows the am/pm of the one after it, so the pair stays one phrase.
  const hourPair = `\\d{1,2}(?:[:.]\\d{2})?\\s?(?:-|–|—|to|or|and)\\s?\\d{1,2}(?:[:.]\\d{2})?${meridiem}`;
  // A bare end hour ("10:00-11"), but not the "1" of "9:30 – 1:1 with …".
  const range = `(?:${hourPair}|(?:${clock})(?:\\s?(?:-|–|—|to|until)\\s?(?:${clock}|\\d{1,2}(?![\\d:])))?)`;
  // The regex runs case-insensitively, so the zone is only a candidate here: acceptZone() checks it against
  // the source text, otherwise "14:00 or" would read "or" as a time zone.
  const zone =
    '(?<zone>\\s?\\(?(?:[a-z]+(?:\\s[a-z]+)?\\stime(?:\\s?zone)?\\b|(?:eastern|central|mountain|pacific)\\b' +
    '|[a-z]{2,5}\\b(?:\\s?[+-]\\d{1,2}(?::?\\d{2})?)?)\\)?)?';
  const date = `(?:${month}\\s${dayNumber}|${dayNumber}\\s(?:of\\s)?${month}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)`;
  // "Tue 14th": after a weekday, an ordinal day alone is a date.
  const weekdayDate = `${weekday}(?:,?\\s(?:the\\s)?(?:${date}|\\d{1,2}(?:st|nd|rd|th)\\b))?`;
  const at = `(?:,?\\s(?:at|from|@|between)?\\s?${range})?`;
  const source = `\\b(?:${weekdayDate}${at}|${date}${at}|${range})${zone}`;
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

/**
 * Time-zone abbreviations people write after a time. Only these, in capitals as written, count as a zone:
 * "2pm EST" keeps its zone, while "14:00 or", "10am at" and "3pm est" do not take the next word along.
 */
const ZONE_ABBREVIATIONS = new Set(
  [
    'UTC GMT BST IST WET WEST CET CEST EET EEST MSK TRT',
    'ET EST EDT CT CST CDT MT MST MDT PT PST PDT AKST AKDT HST AST ADT NST NDT BRT ART CLT COT PET',
    'SAST CAT EAT WAT GST PKT NPT ICT WIB SGT HKT PHT CCT JST KST AWST ACST ACDT AEST AEDT NZST NZDT',
  ]
    .join(' ')
    .split(' '),
);

/** Capitalised words before "time" that start a sentence rather than name a place ("10:00 This time …"). */
const NOT_A_PLACE =
  /^(?:this|that|next|same|any|some|each|every|what|which|our|your|my|their|the|a|one|first|last)\b/i;

/**
 * How much of a candidate zone (" (GMT+1)", " UK time", " or") belongs to the time, judged on the text as
 * written: a known abbreviation in capitals with an optional offset, capitalised words before "time"
 * ("Eastern Time", "UK time"), "local time", or a bare US zone name ("4:30 p.m. Pacific"). 0 rejects it; a lone ")" stays outside the match.
 */
function acceptedZoneLength(zone: string): number {
  const closing = zone.endsWith(')');
  const opening = /^\s?\(/.test(zone);
  if (opening && !closing) return 0;
  const inner = zone.replace(/^\s?\(?/, '').replace(/\)$/, '');
  if (/^(?:Eastern|Central|Mountain|Pacific)$/.test(inner))
    return zone.length - (closing && !opening ? 1 : 0);
  const named = /^(.+?)\stime(?:\s?zone)?$/i.exec(inner);
  const valid = named
    ? named[1] === 'local' ||
      (!NOT_A_PLACE.test(named[1] ?? '') && (named[1] ?? '').split(/\s/).every((word) => /^[A-Z]/.test(word)))
    : ZONE_ABBREVIATIONS.has(/^[A-Z]+/.exec(inner)?.[0] ?? '') && /^[A-Z]+(?:\s?[+-][\d:]+)?$/.test(inner);
  if (!valid) return 0;
  return closing && !opening ? zone.length - 1 : zone.length;
}

/** How far into the author's text kinds and times are looked for: where a request states them. */
const KIND_CHARS = 8_192;

/** Searched one by one: `includes` finds a single character far faster than a regex scans for `\\d`. */
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'()[\]{}|\\^`]{1,300}/gi;
const BOOKING_PATH = /\/(?:schedul|book|availability|appointments?|calendar\/appointments|meetings?\/[a-z])/i;

function hostOf(url: string): string | null {
  const match = /^https?:\/\/([^/?#:]{1,253})/i.exec(url);
  return match?.[1]?.toLowerCase() ?? null;
}

function hostIn(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
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
  // A meeting request's own time comes first: classify-invitation counts the text's times after it, and
  // the pane recognises it by this label.
  const meetingStart = meetingStartLabel(meeting?.start, meeting?.end);
  if (meetingStart !== null) proposedTimes.push(meetingStart);
  compiled.time.lastIndex = 0;
  const timeText = own.slice(0, KIND_CHARS);
  let time: RegExpExecArray | null;
  let scanned = 0;
  // Only a match holding a digit is kept (below), so text without digits has no time to find: skip the
  // scan (~15 µs on 8 KB of a digest), which would only pass over bare weekdays and months. Tables without
  // the word gate take no shortcut (the equivalence test compares both).
  const hasDigit = !usesWordGate(table) || DIGITS.some((digit) => timeText.includes(digit));
  while (hasDigit && (time = compiled.time.exec(timeText)) !== null && scanned++ < 200) {
    const zone = time.groups?.zone ?? '';
    const keptZone = zone ? acceptedZoneLength(zone) : 0;
    const length = time[0].length - zone.length + keptZone;
    // A rejected zone's word may start the next time ("2pm Mon 3rd"): scan again right after this one.
    if (keptZone < zone.length) compiled.time.lastIndex = time.index + length;
    // A full stop at the end is the sentence's ("by 10 December."), except in "a.m." and "p.m.".
    const found = time[0]
      .slice(0, length)
      .trim()
      .replace(/(?<![ap]\.m)\.$/i, '');
    // A bare weekday ("Monday") or bare number is not a proposed time; keep dates and clock times.
    if (!/\d/.test(found)) continue;
    if (!proposedTimes.some((known) => known.toLowerCase() === found.toLowerCase()))
      proposedTimes.push(found);
    if (proposedTimes.length >= 6) break;
  }

  return {
    interviewKind,
    kindEvidence,
    proposedTimes,
    meetingTimeListed: meetingStart !== null,
    schedulingLink,
    videoLink,
  };
}
