/**
 * Weighs the signals found in an email and decides: an interview invitation, logistics for an interview
 * already agreed, or something else. Quoted history counts far less than the author's own words.
 */

import {
  findGatedSignals,
  gateGroup,
  indexWords,
  usesWordGate,
  type GatedGroup,
  type WordIndex,
} from './anchor-words';
import type { SignalHit } from './compile-signals';
import type { EmailCategory, InvitationVerdict } from './email-input';
import { namesMatch } from './compare-names';
import {
  compileReaderAsks,
  findReaderAsks,
  mentionsOtherApplication,
  subjectNamesRole,
  type CompiledReaderAsks,
  type ReaderAsk,
} from './find-reader-asks';
import type { ScheduleDetails } from './find-schedule';
import { authorTextWindow, type EmailText } from './read-email-text';
import type {
  InvitationSignalTable,
  LogisticsCategory,
  NegativeCategory,
  SignalGroup,
} from './signals/signal-table';

/** How much a phrase counts by where it was found. */
const QUOTED_WEIGHT = 0.15;
const SUBJECT_CONTEXT_WEIGHT = 0.6;
const REPLY_SUBJECT_WEIGHT = 0.5;
/** The positive evidence an invitation needs, after negatives are subtracted. */
const INVITATION_THRESHOLD = 4.5;
const LOGISTICS_THRESHOLD = 5;

interface CompiledClassifier {
  interviewContext: GatedGroup;
  meetingProposal: GatedGroup;
  jobContext: GatedGroup;
  invite: GatedGroup;
  timeRequest: GatedGroup;
  subjectInvite: GatedGroup;
  nonJobInterviews: GatedGroup | null;
  negatives: [NegativeCategory, GatedGroup][];
  subjectNegatives: Map<NegativeCategory, GatedGroup>;
  logistics: [LogisticsCategory, GatedGroup][];
  subjectLogistics: Map<LogisticsCategory, GatedGroup>;
  conditionalOpener: RegExp;
  honorifics: Set<string>;
}

const cache = new WeakMap<InvitationSignalTable, CompiledClassifier>();

function compileEntries<K extends string>(
  record: Partial<Record<K, SignalGroup>>,
  gated: boolean,
): [K, GatedGroup][] {
  return (Object.entries(record) as [K, SignalGroup][]).map(([key, group]) => [key, gateGroup(group, gated)]);
}

/**
 * A sentence opening that describes a possible future: it opens with a conditional ("If you're selected, we
 * will invite you …"), or ends in a conditional clause with no break before the phrase ("we will contact you
 * if your profile is shortlisted for interview"). Openers that start with a wildcard run only at the start.
 */
function conditionalRegex(openers: readonly string[]): RegExp {
  const clauses = openers.filter((opener) => !opener.startsWith('.'));
  return new RegExp(`^(?:${openers.join('|')})|\\b(?:${clauses.join('|')})[^,;:!?—–()]{0,80}$`, 'i');
}

/** Compiles a table's groups once, with each pattern's anchor words unless the table opted out of the gate. */
export function compileClassifier(table: InvitationSignalTable): CompiledClassifier {
  const cached = cache.get(table);
  if (cached) return cached;
  const gated = usesWordGate(table);
  const compiled: CompiledClassifier = {
    interviewContext: gateGroup(table.interviewContext, gated),
    meetingProposal: gateGroup(table.meetingProposal, gated),
    jobContext: gateGroup(table.jobContext, gated),
    invite: gateGroup(table.invite, gated),
    timeRequest: gateGroup(table.timeRequest, gated),
    subjectInvite: gateGroup(table.subjectInvite, gated),
    nonJobInterviews: table.nonJobInterviews ? gateGroup(table.nonJobInterviews, gated) : null,
    negatives: compileEntries<NegativeCategory>(table.negatives, gated),
    subjectNegatives: new Map(compileEntries<NegativeCategory>(table.subjectNegatives, gated)),
    logistics: compileEntries<LogisticsCategory>(table.logistics, gated),
    subjectLogistics: new Map(compileEntries<LogisticsCategory>(table.subjectLogistics, gated)),
    conditionalOpener: conditionalRegex(table.conditionalOpeners),
    honorifics: new Set(table.honorifics),
  };
  cache.set(table, compiled);
  return compiled;
}

export interface ClassificationInput {
  subject: string;
  fromName: string;
  fromEmail: string;
  text: EmailText;
  schedule: ScheduleDetails;
  isMeetingRequest: boolean;
  /** True when the sender is known to be the reader (their own name). */
  sentByReader: boolean;
  /**
   * The author's few lines above a forwarded message, when the forward is what `text` holds (see
   * `EmailText.isForward`); empty or absent otherwise. It says who forwards to whom: a recruiter's "could you
   * share some times?" over a manager's note, or the candidate's "look, I got an interview!".
   */
  forwardNote?: string;
}

export interface Classification {
  verdict: InvitationVerdict;
  category: EmailCategory;
  confidence: number;
  reasons: string[];
  /** The sub-scores behind the verdict, for the evaluation command's --verbose view. */
  scores: Record<string, number>;
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

interface Region {
  text: string;
  weight: number;
  /** The region's words (see anchor-words.ts), or null to scan every pattern. */
  words: WordIndex | null;
}

/** A region with its word index built once, shared by every group that scans it. */
function indexedRegion(text: string, weight: number): Region {
  return { text, weight, words: text.length === 0 ? null : indexWords(text) };
}

/**
 * Negatives that an explicit invitation in the same email outweighs. The candidate's own phrasing ("I am
 * free Thursday", "following our conversation") is also a recruiter's; an explicit invitation to the reader
 * outweighs it, but never the structure of the reader's own mail (checked separately).
 */
const OUTWEIGHED_BY_INVITE: ReadonlySet<NegativeCategory> = new Set([
  'rejection',
  'acknowledgement',
  'cold-outreach',
  'candidate-own',
]);
/**
 * Negatives that an ask naming both a meeting and a time outweighs. Not cold outreach, whose own structure is
 * exactly such an ask ("would you be open to a quick call this week?").
 */
const STRUCTURE_OUTWEIGHS: ReadonlySet<NegativeCategory> = new Set(['rejection', 'candidate-own']);
/**
 * A look-alike scoring this much is built as one (a newsletter's issue, a recruiter's whole pitch), and the
 * reader's application or a footer-wrapped ask do not outweigh it.
 */
const DOMINANT_NEGATIVE = 6;
/** A look-alike scoring less than this rests on one weak cue ("tell me what you're looking for"). */
const ONE_WEAK_CUE = 4;
/** Negatives read from the wrapper a message arrives in (a job board's or a marketplace's notification). */
const WRAPPERS: ReadonlySet<NegativeCategory> = new Set(['job-alert', 'newsletter']);
/** Negatives that describe a different kind of interview rather than a different stage of a job application. */
const OTHER_KIND_OF_INTERVIEW: ReadonlySet<NegativeCategory> = new Set([
  'press',
  'admissions',
  'workplace',
  'interviewer-role',
]);
/** Weight of a hit inside quotation marks: reported speech ("a reader asked …"), not the author's request. */
const REPORTED_WEIGHT = 0.3;

/** Weight of a hit inside a sentence that describes a possible future ("If you're selected, …"). */
const CONDITIONAL_WEIGHT = 0.2;
const QUOTED_CHARS = 4_096;
/** A note above a forward is a few lines; the reader splits forwards only under a short note. */
const FORWARD_NOTE_CHARS = 1_000;

/** One region can add at most this much to a group, so a long email cannot pile up a score. */
const REGION_CAP = 12;

/** The start of the sentence around `index`, looking back at most 300 characters. */
function sentenceOpening(text: string, index: number): string {
  const from = Math.max(0, index - 300);
  let start = index;
  while (start > from && !/[.!?\n•]/.test(text.charAt(start - 1))) start--;
  return text.slice(start, index).replace(/^[\s\-–—*>]+/, '');
}

/** True when `index` sits between quotation marks opened earlier on the same line. */
function insideQuotationMarks(text: string, index: number): boolean {
  const from = Math.max(0, index - 400);
  let straight = 0;
  let curly = 0;
  for (let i = index - 1; i >= from; i--) {
    const c = text.charAt(i);
    if (c === '\n') break;
    if (c === '"') straight++;
    else if (c === '“') curly++;
    else if (c === '”') curly--;
  }
  return straight % 2 === 1 || curly > 0;
}

function scoreGroup(
  group: GatedGroup,
  regions: readonly Region[],
  conditional: RegExp | null = null,
): Scored {
  let score = 0;
  const hits: LocatedHit[] = [];
  for (const region of regions) {
    if (region.weight <= 0 || region.text.length === 0) continue;
    let regionScore = 0;
    for (const hit of findGatedSignals(group, region.text, region.words)) {
      const isConditional = conditional !== null && conditional.test(sentenceOpening(region.text, hit.index));
      const factor =
        (isConditional ? CONDITIONAL_WEIGHT : 1) *
        (conditional !== null && insideQuotationMarks(region.text, hit.index) ? REPORTED_WEIGHT : 1);
      regionScore += hit.signal.weight * factor;
      hits.push({ hit, region: region.text, weight: region.weight * hit.signal.weight * factor });
    }
    score += region.weight * Math.min(regionScore, REGION_CAP);
  }
  hits.sort((a, b) => b.weight - a.weight);
  return { score, hits };
}

function mergeScored(a: Scored, b: Scored): Scored {
  return { score: a.score + b.score, hits: [...a.hits, ...b.hits].sort((x, y) => y.weight - x.weight) };
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
  let quote = text
    .slice(start, end)
    .replace(/^[\s>]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
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

function dedupe(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** An invitation asks near its top or in its closing lines; the middle of a long text is a digest's. */
const ASK_HEAD_CHARS = 2_500;
const ASK_TAIL_CHARS = 1_000;

function askWindow(own: string): string {
  if (own.length <= ASK_HEAD_CHARS + ASK_TAIL_CHARS) return own;
  return `${own.slice(0, ASK_HEAD_CHARS)}\n…\n${own.slice(own.length - ASK_TAIL_CHARS)}`;
}

/**
 * How much the asks to the reader count: one that names a meeting and a time (in one sentence or two) most,
 * then a meeting, then a time or slot alone.
 */
function structuralAskScore(asks: readonly ReaderAsk[]): number {
  const meeting = asks.some((ask) => ask.meeting);
  const time = asks.some((ask) => ask.time);
  if (asks.some((ask) => ask.meeting && ask.time)) return 5;
  if (meeting && time) return 4.5;
  return meeting ? 4 : time ? 3 : 0;
}

/** What the note above a forward says: whether it asks the reader something, and the writer's own news. */
interface ForwardNote {
  asksReader: boolean;
  /** The candidate-side cues in the note, strongest first ("i got an interview"). */
  ownNews: LocatedHit[];
}

/** Structural signs that the reader wrote or forwarded this email themselves. */
function findOwnMailStructure(
  input: ClassificationInput,
  compiled: CompiledClassifier,
  askShape: CompiledReaderAsks | null,
  ownActs: number,
  note: ForwardNote,
): string[] {
  const { text } = input;
  const sender = input.fromName.replace(/\s+(?:via|from|at)\s.*$/i, '').trim();
  const found: string[] = [];
  // The invited person passing their invitation on with news of their own ("mum look i got an interview!!").
  const news = note.ownNews[0];
  if (news !== undefined && !note.asksReader) {
    found.push(
      `forwards an invitation with a note of its own: “${quoteAround(news.region, news.hit.index, news.hit.length)}”`,
    );
  }
  // A message addressed to the sender, passed on with an ask of the sender's own ("could you share some
  // times?"), is a recruiter forwarding a colleague's note, not the candidate forwarding their invitation.
  // A forwarded message that greets the sender ("Hi Sam" forwarded by Sam Taylor) was written to the sender.
  if (
    text.isForward &&
    !note.asksReader &&
    text.addressee !== null &&
    sender.length > 0 &&
    namesMatch(text.addressee, sender, compiled.honorifics)
  ) {
    found.push(`forwards a message that greets the sender: “${text.addressee}”`);
  }
  if (text.forwardedTo !== null && !note.asksReader) {
    const byName = sender.length > 0 && namesMatch(text.forwardedTo, sender, compiled.honorifics);
    const byAddress =
      input.fromEmail.includes('@') && text.forwardedTo.toLowerCase().includes(input.fromEmail.toLowerCase());
    if (byName || byAddress) {
      found.push(`forwards a message that was addressed to the sender: “To: ${text.forwardedTo}”`);
    }
  }
  if (
    text.quotedAddressee !== null &&
    sender.length > 0 &&
    namesMatch(text.quotedAddressee, sender, compiled.honorifics)
  ) {
    const quoted = [indexedRegion(text.quotedFirst, 1)];
    const quotedInvite =
      scoreGroup(compiled.invite, quoted, compiled.conditionalOpener).score +
      scoreGroup(compiled.timeRequest, quoted, compiled.conditionalOpener).score;
    // Or the quoted message asks the sender to meet at a time, however it words it.
    const quotedAsk =
      askShape !== null &&
      findReaderAsks(text.quotedFirst.slice(0, QUOTED_CHARS), askShape, compiled.conditionalOpener).some(
        (ask) => ask.meeting && ask.time,
      );
    if ((quotedInvite >= 6 || quotedAsk) && ownActs < 4) {
      found.push(`replies to an invitation that was addressed to the sender (“${text.quotedAddressee}”)`);
    }
  }
  return found;
}

export function classifyInvitation(input: ClassificationInput, table: InvitationSignalTable): Classification {
  const compiled = compileClassifier(table);
  const askShape = compileReaderAsks(table);
  const { subject, text, schedule } = input;
  const isReply = /^\s*(?:re|aw|sv)\s*:/i.test(subject);
  const conditional = compiled.conditionalOpener;
  const ownText = authorTextWindow(text.own);
  // Only the message being replied to: older history adds nothing but time.
  const quotedText = text.quotedFirst.slice(0, QUOTED_CHARS);
  const ownRegion = indexedRegion(ownText, 1);
  const subjectWords = indexedRegion(subject, 1).words;
  const noteText = text.isForward ? (input.forwardNote ?? '').slice(0, FORWARD_NOTE_CHARS) : '';
  // The note above a forward is the author's own words as much as the forwarded message is.
  const noteRegions: Region[] = noteText.trim().length === 0 ? [] : [indexedRegion(noteText, 1)];
  const body: Region[] = [ownRegion, ...noteRegions, indexedRegion(quotedText, QUOTED_WEIGHT)];
  const withSubject: Region[] = [
    ...body,
    { text: subject, weight: SUBJECT_CONTEXT_WEIGHT, words: subjectWords },
  ];
  const subjectRegion: Region[] = [
    { text: subject, weight: isReply ? REPLY_SUBJECT_WEIGHT : 1, words: subjectWords },
  ];

  const context = scoreGroup(compiled.interviewContext, withSubject);
  const job = scoreGroup(compiled.jobContext, withSubject);
  const invite = scoreGroup(compiled.invite, body, conditional);
  const request = scoreGroup(compiled.timeRequest, body, conditional);
  const proposal = scoreGroup(compiled.meetingProposal, body, conditional);
  const subjectInvite = scoreGroup(compiled.subjectInvite, subjectRegion);

  // "Thanks for your application" means a job only when nothing else was applied for (a mortgage, a flat).
  const otherApplication =
    askShape !== null &&
    job.hits.some((located) => located.hit.signal.applied === true) &&
    (mentionsOtherApplication(subject, askShape) || mentionsOtherApplication(ownText, askShape));
  const jobHits = otherApplication
    ? job.hits.filter((located) => located.hit.signal.applied !== true)
    : job.hits;
  const contextScore = Math.min(context.score, 5);
  const jobScore = otherApplication
    ? Math.min(
        jobHits.reduce((sum, located) => sum + located.weight, 0),
        3,
      )
    : Math.min(job.score, 3);
  const inviteScore = Math.min(invite.score, 8);
  const requestScore = Math.min(request.score, 7);
  const subjectScore = Math.min(subjectInvite.score, 5);
  // A call or a coffee is an interview step only in a hiring context.
  const proposalScore = contextScore > 0 || jobScore > 0 ? Math.min(proposal.score, 3) : 0;
  const linkScore = schedule.schedulingLink !== null ? 3 : 0;
  const videoScore = schedule.videoLink !== null ? 1 : 0;
  const ownTimes = schedule.proposedTimes.length - (schedule.meetingTimeListed ? 1 : 0);
  const timesScore = ownTimes >= 2 ? 2 : ownTimes === 1 ? 1 : 0;
  const meetingScore = input.isMeetingRequest ? 3 : 0;

  // An ask to the reader, scored by how it is built rather than by its wording: in a hiring context, a
  // question or request that names a meeting or a time is an invitation's core, however it is phrased.
  const roleSubject = askShape !== null && !otherApplication && subjectNamesRole(subject, askShape);
  // The reader's application is the strongest job context; a role or the word "interview" alone is weaker:
  // recruiters write to people who never applied, and researchers and journalists interview too.
  const applied = jobHits.some((located) => located.hit.signal.weight >= 2) || (roleSubject && isReply);
  const namedJob = applied || roleSubject || (jobScore > 0 && contextScore > 0);
  const hiring = namedJob || jobScore > 0 || contextScore > 0;
  // Without any hiring context an ask counts for nothing, so it is not looked for.
  const noteAsks =
    askShape === null || !hiring || noteText.length === 0
      ? []
      : findReaderAsks(noteText, askShape, conditional);
  const askText = noteAsks.length > 0 ? `${noteText}\n${askWindow(ownText)}` : askWindow(ownText);
  const asks = askShape === null || !hiring ? [] : findReaderAsks(askText, askShape, conditional);
  const askScore = structuralAskScore(asks);
  const structureScore = hiring ? askScore * (applied ? 1 : namedJob ? 0.8 : 0.6) : 0;
  const asksToMeet = hiring && asks.some((ask) => ask.meeting);
  // Invitations are built from three parts: a named job, something to attend (asked for or proposed) and
  // a time, a slot or a link. All three together count beyond their separate phrases, most when one
  // sentence holds the ask, the meeting and the time.
  // An ask for a time in an email that names an interview or an assessment is about that step; so is a
  // stated time in a reply to the reader's application ("Received your application. Interview is at our
  // office Wed 10am.").
  const readerApplied = jobHits.some(
    (located) => located.hit.signal.applied === true && located.region !== quotedText,
  );
  // A note asking for times over a forwarded message asks them for what the message proposes ("let's get him
  // in for a technical conversation" / "Could you share some times this week?").
  const forwardProposesMeeting =
    askShape !== null &&
    noteAsks.some((ask) => ask.time) &&
    askShape.meeting.test(ownText.slice(0, FORWARD_NOTE_CHARS * 2));
  const meetingPart =
    forwardProposesMeeting ||
    inviteScore > 0 ||
    proposalScore > 0 ||
    asks.some((ask) => ask.meeting) ||
    (contextScore >= 3 && (asks.some((ask) => ask.time) || (readerApplied && timesScore > 0)));
  // A link in the author's words is where a step is booked or taken ("Complete assessment >> https://…").
  const timePart =
    asks.some((ask) => ask.time) ||
    timesScore > 0 ||
    linkScore > 0 ||
    requestScore > 0 ||
    (asks.length > 0 && /\bhttps?:\/\//.test(ownText));
  const oneSentence = asks.some((ask) => ask.meeting && ask.time);
  const combination = namedJob && meetingPart && timePart ? (oneSentence ? 2 : 1) : 0;

  const act =
    inviteScore +
    requestScore +
    subjectScore +
    proposalScore +
    linkScore +
    videoScore +
    timesScore +
    meetingScore;
  const phrasePositive = act + 0.6 * contextScore + 0.4 * jobScore;

  const ownActs = [...invite.hits, ...request.hits]
    .filter((located) => located.region === ownText)
    .reduce((sum, located) => sum + located.weight, 0);
  const explicitInvite = invite.hits.some((located) => located.region === ownText && located.weight >= 5);
  const candidateOwn = compiled.negatives.find(([category]) => category === 'candidate-own')?.[1];
  const noteNews =
    candidateOwn === undefined || noteRegions.length === 0 ? null : scoreGroup(candidateOwn, noteRegions);
  const ownMail = findOwnMailStructure(input, compiled, askShape, ownActs, {
    asksReader: noteAsks.length > 0,
    ownNews: noteNews !== null && noteNews.score >= ONE_WEAK_CUE ? noteNews.hits : [],
  });

  // Look-alike and logistics cues are read in the author's words only: quoted history weighs 0.15 and
  // never decides them, and skipping it saves most of the scanning on long threads.
  const ownOnly: Region[] = [ownRegion, ...noteRegions];
  const negatives = compiled.negatives.map(([category, group]) => {
    let scored = scoreGroup(group, ownOnly);
    const subjectGroup = compiled.subjectNegatives.get(category);
    if (subjectGroup)
      scored = mergeScored(
        scored,
        scoreGroup(subjectGroup, [{ text: subject, weight: 1, words: subjectWords }]),
      );
    let score = scored.score;
    if (category === 'candidate-own') score += (input.sentByReader ? 10 : 0) + 8 * ownMail.length;
    return { category, score: Math.min(score, 20), hits: scored.hits };
  });
  negatives.sort((a, b) => b.score - a.score);
  const topNegative = negatives[0];
  // The writer calls the application theirs: no ask in the email is the employer's.
  const writerIsApplicant = negatives.some(
    (n) =>
      n.category === 'candidate-own' && n.hits.some((located) => located.hit.signal.writerApplied === true),
  );
  const negativeScore = topNegative?.score ?? 0;
  const otherNegatives = negatives.slice(1).reduce((sum, n) => sum + n.score, 0);

  // The phrases and the structure read the same evidence, so the structure adds only what the phrases
  // missed. It does not argue with a look-alike's own structure (cold outreach proposes "a quick call"
  // too), except an acknowledgement, which is a courtesy in most invitations.
  // An ask that names both a meeting and a time, one of them about a role, outweighs a rejection or the
  // candidate's own phrasing ("not this role, but would you be open to interviewing for that one? Let me
  // know some times"); a feedback call after a rejection names no role.
  const strongAsk =
    hiring && askScore >= 4.5 && asks.some((ask) => ask.role && ask.meeting) && ownMail.length === 0;
  // Outreach is written to people who never applied: a reader who applied was not cold-called.
  const appliedOutweighs =
    readerApplied && topNegative?.category === 'cold-outreach' && negativeScore < ONE_WEAK_CUE;
  // A notification wrapper (a job board's or a marketplace's footer) does not outweigh an ask in it.
  const askOutweighs =
    topNegative !== undefined &&
    hiring &&
    askScore >= 4.5 &&
    ownMail.length === 0 &&
    ((WRAPPERS.has(topNegative.category) && negativeScore < DOMINANT_NEGATIVE) ||
      (strongAsk &&
        STRUCTURE_OUTWEIGHS.has(topNegative.category) &&
        !(topNegative.category === 'candidate-own' && writerIsApplicant)));
  const structureHeard =
    topNegative === undefined ||
    negativeScore < 3 ||
    topNegative.category === 'acknowledgement' ||
    askOutweighs ||
    appliedOutweighs;
  const structureExtra = structureHeard
    ? Math.max(0, structureScore - inviteScore - requestScore) + combination
    : 0;
  const positive = phrasePositive + structureExtra;
  const interviewRelated =
    contextScore > 0 ||
    subjectScore > 0 ||
    (jobScore > 0 && act >= 3) ||
    (roleSubject && inviteScore >= 3) ||
    (structureHeard && structureScore >= 3);

  const logistics = compiled.logistics.map(([category, group]) => {
    let scored = scoreGroup(group, ownOnly);
    const subjectGroup = compiled.subjectLogistics.get(category);
    if (subjectGroup) scored = mergeScored(scored, scoreGroup(subjectGroup, subjectRegion));
    return { category, score: Math.min(scored.score, 14), hits: scored.hits };
  });
  logistics.sort((a, b) => b.score - a.score);
  const topLogistics = logistics[0];
  const logisticsScore = topLogistics?.score ?? 0;

  // An explicit invitation outweighs a rejection or an acknowledgement in the same email ("not this role,
  // but we'd like to invite you to interview for another"), but never the structure of the reader's own mail.
  const outweighed = topNegative !== undefined && OUTWEIGHED_BY_INVITE.has(topNegative.category);
  // "Thanks for your application" is a courtesy in most invitations: an acknowledgement wins only when
  // nothing asks the reader to meet, talk or be assessed.
  const courtesy =
    topNegative?.category === 'acknowledgement' && (explicitInvite || asksToMeet) && ownMail.length === 0;
  const negativeFactor = courtesy
    ? 0
    : ((explicitInvite && outweighed) || askOutweighs || appliedOutweighs) && ownMail.length === 0
      ? 0.5
      : 1;
  const net = positive - negativeFactor * (negativeScore + 0.25 * otherNegatives);

  const scores: Record<string, number> = {
    context: contextScore,
    job: jobScore,
    invite: inviteScore,
    request: requestScore,
    subject: subjectScore,
    proposal: proposalScore,
    link: linkScore,
    times: timesScore,
    ask: askScore,
    structure: structureExtra,
    positive,
    [`neg:${topNegative?.category ?? '-'}`]: negativeScore,
    otherNegatives,
    [`log:${topLogistics?.category ?? '-'}`]: logisticsScore,
    net,
  };
  for (const key of Object.keys(scores)) scores[key] = round2(scores[key] ?? 0);

  const negativeReasons = (category: { category: string; hits: LocatedHit[] }, count: number): string[] => {
    const structural = category.category === 'candidate-own' ? ownMail : [];
    return dedupe([...structural, ...category.hits.filter((h) => h.weight >= 1).map(reasonOf)]).slice(
      0,
      count,
    );
  };

  // Notices from calendars and booking tools ("Canceled: Intro call – Acme") say little about hiring but a
  // lot about an arranged call: with any sign of a call or a job, they are logistics.
  // A reply in a thread about a role ("Re: Barista") is as much a sign as a job word in the text, and
  // needs less: "still on for 3 tomorrow?" there is about the meeting the thread arranged.
  const roleThread = roleSubject && isReply;
  const callRelated = interviewRelated || proposal.score > 0 || jobScore > 0 || roleThread;
  if (
    !interviewRelated &&
    callRelated &&
    topLogistics &&
    logisticsScore >= LOGISTICS_THRESHOLD + (roleThread ? 0 : 3) &&
    logisticsScore > negativeScore
  ) {
    return {
      verdict: 'interview-logistics',
      category: topLogistics.category,
      confidence: round2(0.5 + 0.3 * sigmoid((logisticsScore - LOGISTICS_THRESHOLD) / 3)),
      reasons: dedupe(topLogistics.hits.filter((h) => h.weight >= 1).map(reasonOf)).slice(0, 3),
      scores,
    };
  }

  if (!interviewRelated) {
    const strong = topNegative !== undefined && negativeScore >= 3;
    const reasons = strong ? negativeReasons(topNegative, 3) : [];
    if (reasons.length === 0) reasons.push('does not mention an interview or a request to meet about a job');
    return {
      verdict: 'not-invitation',
      category: strong ? topNegative.category : 'unrelated',
      confidence: round2(Math.min(0.97, 0.75 + 0.02 * negativeScore)),
      reasons,
      scores,
    };
  }

  // A different kind of interview (press, admissions, an exit interview, one you conduct) is scheduled in
  // the same words as a job interview, so it is weighed against the job context, not the scheduling.
  const otherKind = negatives.find((n) => OTHER_KIND_OF_INTERVIEW.has(n.category) && n.score >= 5);
  const otherKindWins = otherKind !== undefined && otherKind.score > 2 * jobScore;
  if (otherKindWins && otherKind) {
    return {
      verdict: 'not-invitation',
      category: otherKind.category,
      confidence: round2(0.5 + 0.47 * sigmoid((otherKind.score - 2 * jobScore) / 3)),
      reasons: negativeReasons(otherKind, 3),
      scores,
    };
  }

  // An interview that is not for a job (the police, an insurer, a consulate) outweighs a weak job context.
  const nonJob =
    compiled.nonJobInterviews === null
      ? null
      : scoreGroup(compiled.nonJobInterviews, withSubject.slice(0, 1));
  if (nonJob !== null && nonJob.score >= 5 && nonJob.score > 2 * jobScore && !roleSubject && !applied) {
    return {
      verdict: 'not-invitation',
      category: 'unrelated',
      confidence: round2(0.5 + 0.47 * sigmoid((nonJob.score - 2 * jobScore) / 3)),
      reasons: dedupe(nonJob.hits.filter((h) => h.weight >= 1).map(reasonOf)).slice(0, 3),
      scores,
    };
  }

  // Logistics first when they outweigh the look-alikes: a cancellation may say the role is "on hold".
  // Asking only for a time is what logistics mail does too ("if Monday is not ok, tell us another time").
  const invitationActs =
    inviteScore + requestScore + subjectScore + linkScore + (asksToMeet ? structureExtra : 0);
  if (
    topLogistics &&
    logisticsScore >= LOGISTICS_THRESHOLD &&
    logisticsScore >= invitationActs &&
    ownMail.length === 0 &&
    logisticsScore > negativeScore
  ) {
    return {
      verdict: 'interview-logistics',
      category: topLogistics.category,
      confidence: round2(0.5 + 0.47 * sigmoid((logisticsScore - invitationActs) / 3)),
      reasons: dedupe(topLogistics.hits.filter((h) => h.weight >= 1).map(reasonOf)).slice(0, 3),
      scores,
    };
  }

  if (topNegative && ((negativeScore >= 4 && net < INVITATION_THRESHOLD) || ownMail.length > 0)) {
    return {
      verdict: 'not-invitation',
      category: topNegative.category,
      confidence: round2(0.5 + 0.47 * sigmoid((negativeScore - positive) / 3 + 1)),
      reasons: negativeReasons(topNegative, 3),
      scores,
    };
  }

  if (net >= INVITATION_THRESHOLD && act + structureExtra > 0) {
    const located = [...invite.hits, ...request.hits, ...subjectInvite.hits, ...proposal.hits]
      .filter((h) => h.weight >= 1)
      .sort((a, b) => b.weight - a.weight);
    const reasons = dedupe(located.map(reasonOf)).slice(0, 3);
    const firstAsk = asks.find((ask) => ask.meeting) ?? asks[0];
    if (reasons.length < 2 && structureExtra > 0 && firstAsk !== undefined) {
      const label = firstAsk.meeting ? 'asks you to meet or talk' : 'asks when you are free';
      reasons.push(`${label}: “${quoteAround(askText, firstAsk.index, firstAsk.length)}”`);
    }
    if (schedule.schedulingLink !== null) {
      reasons.push(`gives a scheduling link: ${schedule.schedulingLink.slice(0, 80)}`);
    }
    if (schedule.kindEvidence !== null) {
      const withLink = schedule.videoLink !== null ? ' with a link' : '';
      reasons.push(`${schedule.kindEvidence.reason}${withLink}: “${schedule.kindEvidence.quote}”`);
    }
    const firstOwnTime = schedule.proposedTimes[schedule.meetingTimeListed ? 1 : 0];
    if (ownTimes > 0 && firstOwnTime !== undefined) reasons.push(`proposes a time: “${firstOwnTime}”`);
    if (input.isMeetingRequest) reasons.push('is a meeting request for an interview');
    const firstContext = context.hits[0];
    if (reasons.length < 2 && firstContext) reasons.push(reasonOf(firstContext));
    return {
      verdict: 'invitation',
      category: 'invitation',
      confidence: round2(0.5 + 0.49 * sigmoid((net - INVITATION_THRESHOLD) / 2.5 - 0.2)),
      reasons,
      scores,
    };
  }

  const strong = topNegative !== undefined && negativeScore >= 3;
  const reasons = topNegative && negativeScore >= 2 ? negativeReasons(topNegative, 2) : [];
  const firstContext = context.hits[0];
  if (firstContext) reasons.push(`${reasonOf(firstContext)}, but does not ask you to meet`);
  return {
    verdict: 'not-invitation',
    category: strong ? topNegative.category : 'unrelated',
    confidence: round2(0.5 + 0.4 * sigmoid((INVITATION_THRESHOLD - net) / 2.5)),
    reasons,
    scores,
  };
}
