/**
 * Finds asks addressed to the reader by their structure rather than their exact wording: an ask form (a
 * question to "you", or a request such as "please" or "let me know") followed, in the same sentence, by
 * something synchronous or an assessment step ("come in", "a call", "the test") or by a time or slot. The
 * parts come from the language table (`readerAsk`); the engine knows no English. It reads only the author's
 * text window, which is bounded, so its cost does not grow with the body.
 */

import type { InvitationSignalTable, ReaderAskShape } from './signals/signal-table';

/** One ask found in the text: where it starts and which parts its sentence holds. */
export interface ReaderAsk {
  index: number;
  length: number;
  /** The sentence names a meeting, a visit or an assessment step. */
  meeting: boolean;
  /** The sentence names a time, a day, a slot or asks what suits the reader. */
  time: boolean;
  /** The sentence names a role or the application ("interviewing for that role"). */
  role: boolean;
}

export interface CompiledReaderAsks {
  /**
   * Group 1: a question form; group 2: a request form; group 3: the writer's wish to meet the reader;
   * group 4: an imperative to come somewhere.
   */
  ask: RegExp;
  meeting: RegExp;
  /** Words about availability and slots, which a request may ask for ("share some times"). */
  slot: RegExp;
  /** Days and clock times, which count only in a question ("are you around Friday?"). */
  date: RegExp;
  notAsk: RegExp;
  reader: RegExp;
  /** The words for applying ("application", "applied"), where an application's object is looked for. */
  applicationWord: RegExp;
  /** The thing applied for, before the word ("your mortgage application"). */
  otherBefore: RegExp;
  /** The thing applied for, after it ("applied for the flat"), unless a role follows ("the nursery nurse role"). */
  otherAfter: RegExp;
  /** No role follows ("mortgage application" but not "mortgage application adviser"). */
  notRoleAfter: RegExp;
  /** A form that starts with the reader ("you can …") is in statement order. */
  readerFirst: RegExp;
  /** The end of a sentence's opening where a clause starts ("…, please confirm", "… and let me know"). */
  clauseStart: RegExp;
  role: RegExp;
}

const cache = new WeakMap<ReaderAskShape, CompiledReaderAsks>();

function alternation(patterns: readonly string[]): string {
  return patterns.map((pattern) => `(?:${pattern})`).join('|');
}

/** Compiles a table's ask shape once; null when the table has none. */
export function compileReaderAsks(table: InvitationSignalTable): CompiledReaderAsks | null {
  const shape = table.readerAsk;
  if (shape === undefined) return null;
  const cached = cache.get(shape);
  if (cached) return cached;
  const roles = alternation([...table.roleNouns, ...shape.roleWords]);
  const askSource = `\\b(?:(${alternation(shape.questions)})|(${alternation(shape.requests)})|(${alternation(shape.offers)})|(${alternation(shape.visits)}))\\b`;
  const compiled: CompiledReaderAsks = {
    ask: new RegExp(askSource, 'gi'),
    meeting: new RegExp(`\\b(?:${alternation(shape.meetings)})\\b`, 'i'),
    slot: new RegExp(`\\b(?:${alternation(shape.slots)})\\b`, 'i'),
    date: new RegExp(`\\b(?:${alternation([...shape.dates, ...table.weekdays])})\\b`, 'i'),
    notAsk: new RegExp(`\\b(?:${alternation(shape.notAsks)})\\b`, 'i'),
    reader: new RegExp(`\\b(?:${alternation(shape.readerWords)})\\b`, 'i'),
    readerFirst: new RegExp(`^(?:${alternation(shape.readerWords)})\\b`, 'i'),
    role: new RegExp(`\\b(?:${roles})\\b`, 'i'),
    applicationWord: new RegExp(`\\b(?:${alternation(shape.applicationWords)})\\b`, 'gi'),
    otherBefore: new RegExp(`\\b(?:${alternation(shape.otherApplications)}) $`, 'i'),
    // "Applying to be a Nursery Practitioner", "the nursery nurse role": a role after the noun makes it a job.
    otherAfter: new RegExp(
      `^ (?:${shape.applicationObjectLead})(?:[\\w-]+ ){0,2}(?:${alternation(shape.otherApplications)})\\b(?!\\s+(?:[\\w-]+\\s+)?(?:${roles})\\b)`,
      'i',
    ),
    clauseStart: new RegExp(`(?:^|[,;:(—–-]|\\b(?:${alternation(shape.clauseOpeners)}))\\s*$`, 'i'),
    notRoleAfter: new RegExp(`^(?!\\s+(?:[\\w-]+\\s+)?(?:${roles})\\b)`, 'i'),
  };
  cache.set(shape, compiled);
  return compiled;
}

const SENTENCE_END = /[.!?\n]/;
const MAX_SENTENCE = 240;
const MAX_ASKS = 64;

function sentenceStart(text: string, index: number): number {
  const from = Math.max(0, index - MAX_SENTENCE);
  let start = index;
  while (start > from && !SENTENCE_END.test(text.charAt(start - 1))) start--;
  return start;
}

/** The end of the sentence, where a "." between digits ("3.30") does not end it. */
function sentenceEnd(text: string, index: number): number {
  const to = Math.min(text.length, index + MAX_SENTENCE);
  let end = index;
  while (end < to) {
    const c = text.charAt(end);
    if (
      SENTENCE_END.test(c) &&
      !(c === '.' && /\d/.test(text.charAt(end - 1)) && /\d/.test(text.charAt(end + 1)))
    )
      break;
    end++;
  }
  return end;
}

/**
 * Every ask to the reader in `text` (the author's own words), at most a few dozen. Sentences that open like
 * `conditional` ("If you're selected, …") describe a possible future and ask nothing.
 */
export function findReaderAsks(text: string, compiled: CompiledReaderAsks, conditional: RegExp): ReaderAsk[] {
  const asks: ReaderAsk[] = [];
  const regex = compiled.ask;
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  let lastSentence = -1;
  while ((match = regex.exec(text)) !== null && asks.length < MAX_ASKS) {
    const index = match.index;
    const matchEnd = index + match[0].length;
    const start = sentenceStart(text, index);
    // One ask per sentence is enough.
    if (start === lastSentence) continue;
    const end = sentenceEnd(text, matchEnd);
    const opening = text.slice(start, index).replace(/^[\s\-–—*•>]+/, '');
    const isQuestion = match[1] !== undefined;
    const isOffer = match[3] !== undefined;
    const isVisit = match[4] !== undefined;
    // The form first (cheap), then what the sentence names, then the costlier look-alike checks.
    // A request counts where a clause starts ("…, please confirm"), not inside a statement ("we aim to reply").
    const atClauseStart = opening.length === 0 || compiled.clauseStart.test(opening);
    if (isQuestion) {
      const asked = text.charAt(end) === '?';
      // Phone-typed mail drops the question mark: "can you give me a ring" still asks, where a clause starts.
      // Statement order ("you can come?") asks only with its question mark.
      if (
        !asked &&
        !(atClauseStart && compiled.reader.test(match[0]) && !compiled.readerFirst.test(match[0]))
      )
        continue;
    } else if (!isOffer && !atClauseStart) {
      continue;
    }
    const sentence = text.slice(start, end);
    const rest = text.slice(matchEnd, end);
    let meeting = isVisit || compiled.meeting.test(rest);
    let time = compiled.slot.test(rest);
    if (isQuestion) {
      // A question may name its time first ("This week Friday is possible?").
      time ||= compiled.date.test(sentence) || compiled.slot.test(sentence);
      // Without "you" a question may still ask about a time, not to meet.
      if (meeting && opening.length > 0 && !compiled.reader.test(sentence)) meeting = false;
    } else if (isOffer) {
      time ||= compiled.date.test(rest);
    } else {
      // A request with a day but no meeting is a deadline ("please sign by Friday"), not a slot.
      time ||= meeting && compiled.date.test(rest);
    }
    if ((meeting || time) && !compiled.notAsk.test(sentence) && !conditional.test(opening)) {
      asks.push({ index, length: end - index, meeting, time, role: compiled.role.test(sentence) });
      lastSentence = start;
      // An ask with both parts is the strongest there is: nothing later can add to it.
      if (meeting && time) break;
    }
  }
  return asks;
}

/** True when a short subject line names a role or the application ("Re: Bookkeeper", "Nanny position"). */
export function subjectNamesRole(subject: string, compiled: CompiledReaderAsks): boolean {
  return subject.length <= 120 && compiled.role.test(subject);
}

/**
 * True when the text applies for something other than a job ("thanks for your application for the flat").
 * Only the words around each application word are read, so the cost follows their number, not the text's length.
 */
export function mentionsOtherApplication(text: string, compiled: CompiledReaderAsks): boolean {
  const words = compiled.applicationWord;
  words.lastIndex = 0;
  let match: RegExpExecArray | null;
  let tried = 0;
  while ((match = words.exec(text)) !== null && tried++ < MAX_ASKS) {
    const end = match.index + match[0].length;
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    const after = text.slice(end, end + 160);
    if (compiled.otherBefore.test(before) && compiled.notRoleAfter.test(after)) return true;
    if (compiled.otherAfter.test(after)) return true;
  }
  return false;
}
