/**
 * Weighs the signals found in an email and decides: an interview invitation, logistics for an interview
 * already agreed, or something else. Quoted history counts far less than the author's own words.
 */

import { compileGroup, findSignals, scoreHits, type CompiledGroup, type SignalHit } from './compile-signals';
import type { EmailCategory, InvitationVerdict } from './email-input';
import type { ScheduleDetails } from './find-schedule';
import type { EmailText } from './read-email-text';
import type { InvitationSignalTable, LogisticsCategory, NegativeCategory } from './signals/signal-table';

/** How much a phrase counts by where it was found. */
const QUOTED_WEIGHT = 0.15;
const SUBJECT_CONTEXT_WEIGHT = 0.6;
const REPLY_SUBJECT_WEIGHT = 0.5;
/** The positive evidence an invitation needs, after negatives are subtracted. */
const INVITATION_THRESHOLD = 5;
const LOGISTICS_THRESHOLD = 5;

interface CompiledClassifier {
  interviewContext: CompiledGroup;
  jobContext: CompiledGroup;
  invite: CompiledGroup;
  timeRequest: CompiledGroup;
  subjectInvite: CompiledGroup;
  negatives: [NegativeCategory, CompiledGroup][];
  subjectNegatives: Map<NegativeCategory, CompiledGroup>;
  logistics: [LogisticsCategory, CompiledGroup][];
  subjectLogistics: Map<LogisticsCategory, CompiledGroup>;
}

const cache = new WeakMap<InvitationSignalTable, CompiledClassifier>();

export function compileClassifier(table: InvitationSignalTable): CompiledClassifier {
  const cached = cache.get(table);
  if (cached) return cached;
  const entries = <K extends string>(record: Partial<Record<K, Parameters<typeof compileGroup>[0]>>) =>
    (Object.entries(record) as [K, Parameters<typeof compileGroup>[0]][]).map(
      ([key, group]) => [key, compileGroup(group)] as [K, CompiledGroup],
    );
  const compiled: CompiledClassifier = {
    interviewContext: compileGroup(table.interviewContext),
    jobContext: compileGroup(table.jobContext),
    invite: compileGroup(table.invite),
    timeRequest: compileGroup(table.timeRequest),
    subjectInvite: compileGroup(table.subjectInvite),
    negatives: entries<NegativeCategory>(table.negatives),
    subjectNegatives: new Map(entries<NegativeCategory>(table.subjectNegatives)),
    logistics: entries<LogisticsCategory>(table.logistics),
    subjectLogistics: new Map(entries<LogisticsCategory>(table.subjectLogistics)),
  };
  cache.set(table, compiled);
  return compiled;
}

export interface ClassificationInput {
  subject: string;
  text: EmailText;
  schedule: ScheduleDetails;
  isMeetingRequest: boolean;
  /** True when the sender is known to be the reader (their own name or address). */
  sentByReader: boolean;
}

export interface Classification {
  verdict: InvitationVerdict;
  category: EmailCategory;
  confidence: number;
  reasons: string[];
}

/** A hit located in one of the regions, so its reason can quote the right text. */
interface LocatedHit {
  hit: SignalHit;
  region: string;
  weight: number;
}

interface Scored {
  score: number;
  hits: LocatedHit[];
}

function scoreGroup(group: CompiledGroup, regions: readonly { text: string; weight: number }[]): Scored {
  let score = 0;
  const hits: LocatedHit[] = [];
  for (const region of regions) {
    if (region.weight <= 0 || region.text.length === 0) continue;
    const found = findSignals(group, region.text);
    score += region.weight * scoreHits(found);
    for (const hit of found)
      hits.push({ hit, region: region.text, weight: region.weight * hit.signal.weight });
  }
  hits.sort((a, b) => b.weight - a.weight);
  return { score, hits };
}

/** The clause around a hit, trimmed to a readable length, for a reason's quotation. */
export function quoteAround(text: string, index: number, length: number): string {
  const maxSide = 45;
  let start = index;
  const minStart = Math.max(0, index - maxSide);
  while (start > minStart && !/[.!?\n;]/.test(text.charAt(start - 1))) start--;
  let end = index + length;
  const maxEnd = Math.min(text.length, index + length + maxSide);
  while (end < maxEnd && !/[.!?\n;]/.test(text.charAt(end))) end++;
  let quote = text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (start > 0 && start === minStart) quote = `…${quote}`;
  if (end < text.length && end === maxEnd) quote = `${quote}…`;
  return quote;
}

function reasonOf(located: LocatedHit): string {
  return `${located.hit.reason}: “${quoteAround(located.region, located.hit.index, located.hit.length)}”`;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function classifyInvitation(input: ClassificationInput, table: InvitationSignalTable): Classification {
  const compiled = compileClassifier(table);
  const { subject, text, schedule } = input;
  const isReply = /^\s*(?:re|aw|sv)\s*:/i.test(subject);
  const body = [
    { text: text.own, weight: 1 },
    { text: text.quoted, weight: QUOTED_WEIGHT },
  ];
  const subjectRegion = [{ text: subject, weight: 1 }];

  const context = scoreGroup(compiled.interviewContext, [
    ...body,
    { text: subject, weight: SUBJECT_CONTEXT_WEIGHT },
  ]);
  const job = scoreGroup(compiled.jobContext, [...body, { text: subject, weight: SUBJECT_CONTEXT_WEIGHT }]);
  const invite = scoreGroup(compiled.invite, body);
  const request = scoreGroup(compiled.timeRequest, body);
  const subjectInvite = scoreGroup(compiled.subjectInvite, [
    { text: subject, weight: isReply ? REPLY_SUBJECT_WEIGHT : 1 },
  ]);

  const contextScore = Math.min(context.score, 5);
  const jobScore = Math.min(job.score, 3);
  const inviteScore = Math.min(invite.score, 8);
  const requestScore = Math.min(request.score, 7);
  const subjectScore = Math.min(subjectInvite.score, 5);
  const linkScore = schedule.schedulingLink !== null ? 3 : 0;
  const videoScore = schedule.videoLink !== null ? 1 : 0;
  const ownTimes = schedule.proposedTimes.length - (input.isMeetingRequest ? 1 : 0);
  const timesScore = ownTimes >= 2 ? 2 : ownTimes === 1 ? 1 : 0;
  const meetingScore = input.isMeetingRequest ? 3 : 0;
  const act = inviteScore + requestScore + subjectScore + linkScore + videoScore + timesScore + meetingScore;
  const positive = act + 0.6 * contextScore + 0.4 * jobScore;
  const interviewRelated =
    contextScore > 0 || inviteScore >= 4 || subjectScore > 0 || (jobScore > 0 && act >= 4);

  const negatives = compiled.negatives.map(([category, group]) => {
    const scored = scoreGroup(group, body);
    const subjectGroup = compiled.subjectNegatives.get(category);
    if (subjectGroup) {
      const fromSubject = scoreGroup(subjectGroup, subjectRegion);
      scored.score += fromSubject.score;
      scored.hits.push(...fromSubject.hits);
      scored.hits.sort((a, b) => b.weight - a.weight);
    }
    if (category === 'candidate-own' && input.sentByReader) scored.score += 10;
    return { category, score: Math.min(scored.score, 14), hits: scored.hits };
  });
  negatives.sort((a, b) => b.score - a.score);
  const topNegative = negatives[0];
  const negativeScore = topNegative?.score ?? 0;
  const otherNegatives = negatives.slice(1).reduce((sum, n) => sum + n.score, 0);

  const logistics = compiled.logistics.map(([category, group]) => {
    const scored = scoreGroup(group, body);
    const subjectGroup = compiled.subjectLogistics.get(category);
    if (subjectGroup) {
      const fromSubject = scoreGroup(subjectGroup, [
        { text: subject, weight: isReply ? REPLY_SUBJECT_WEIGHT : 1 },
      ]);
      scored.score += fromSubject.score;
      scored.hits.push(...fromSubject.hits);
      scored.hits.sort((a, b) => b.weight - a.weight);
    }
    return { category, score: Math.min(scored.score, 14), hits: scored.hits };
  });
  logistics.sort((a, b) => b.score - a.score);
  const topLogistics = logistics[0];
  const logisticsScore = topLogistics?.score ?? 0;

  const net = positive - negativeScore - 0.25 * otherNegatives;

  const positiveReasons = (): string[] => {
    const located = [...invite.hits, ...request.hits, ...subjectInvite.hits].sort(
      (a, b) => b.weight - a.weight,
    );
    const reasons = dedupe(located.map(reasonOf)).slice(0, 3);
    if (schedule.schedulingLink !== null)
      reasons.push(`gives a scheduling link: ${schedule.schedulingLink.slice(0, 80)}`);
    if (schedule.kindEvidence !== null) {
      const withLink = schedule.videoLink !== null ? ' with a link' : '';
      reasons.push(`${schedule.kindEvidence.reason}${withLink}: “${schedule.kindEvidence.quote}”`);
    }
    if (ownTimes > 0)
      reasons.push(`proposes a time: “${schedule.proposedTimes[input.isMeetingRequest ? 1 : 0] ?? ''}”`);
    if (input.isMeetingRequest) reasons.push('is a meeting request for an interview');
    const firstContext = context.hits[0];
    if (reasons.length < 2 && firstContext) reasons.push(reasonOf(firstContext));
    return reasons;
  };

  if (!interviewRelated) {
    const reasons =
      topNegative && negativeScore >= 3 ? dedupe(topNegative.hits.map(reasonOf)).slice(0, 3) : [];
    if (reasons.length === 0) reasons.push('does not mention an interview or a request to meet about a job');
    return {
      verdict: 'not-invitation',
      category: topNegative && negativeScore >= 3 ? topNegative.category : 'unrelated',
      confidence: round2(Math.min(0.97, 0.75 + 0.02 * negativeScore)),
      reasons,
    };
  }

  if (topNegative && negativeScore >= 4 && net < INVITATION_THRESHOLD) {
    return {
      verdict: 'not-invitation',
      category: topNegative.category,
      confidence: round2(0.5 + 0.47 * sigmoid((negativeScore - positive) / 3 + 1)),
      reasons: dedupe(topNegative.hits.map(reasonOf)).slice(0, 3),
    };
  }

  if (
    topLogistics &&
    logisticsScore >= LOGISTICS_THRESHOLD &&
    logisticsScore >= 0.7 * (inviteScore + requestScore + subjectScore)
  ) {
    return {
      verdict: 'interview-logistics',
      category: topLogistics.category,
      confidence: round2(0.5 + 0.47 * sigmoid((logisticsScore - inviteScore - subjectScore) / 3)),
      reasons: dedupe(topLogistics.hits.map(reasonOf)).slice(0, 3),
    };
  }

  if (net >= INVITATION_THRESHOLD && act > 0) {
    return {
      verdict: 'invitation',
      category: 'invitation',
      confidence: round2(0.5 + 0.49 * sigmoid((net - INVITATION_THRESHOLD) / 2.5 - 0.2) * 1.0),
      reasons: positiveReasons(),
    };
  }

  const reasons = topNegative && negativeScore >= 2 ? dedupe(topNegative.hits.map(reasonOf)).slice(0, 2) : [];
  const firstContext = context.hits[0];
  if (firstContext) reasons.push(`${reasonOf(firstContext)}, but does not ask you to meet`);
  return {
    verdict: 'not-invitation',
    category: topNegative && negativeScore >= 3 ? topNegative.category : 'unrelated',
    confidence: round2(0.5 + 0.4 * sigmoid((INVITATION_THRESHOLD - net) / 2.5)),
    reasons,
  };
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}
