/**
 * The shape of one language's detection data. The engine knows no English: every phrase, cue word and
 * name pattern it uses comes from a table of this shape, so another language is added as data.
 *
 * Phrase patterns are regular-expression sources matched case-insensitively between word boundaries.
 * They must use only non-capturing groups and bounded repetition (`{0,40}`), never nested unbounded
 * quantifiers, so that a scan stays linear on hostile input.
 */

import type { InterviewKind, LogisticsCategory, NegativeCategory } from '../email-input';
import type { FieldVocabulary } from './field-vocabulary';

/** One phrase the engine looks for, with how much it counts and how a reason describes it. */
export interface PhraseSignal {
  pattern: string;
  weight: number;
  /** Overrides the group's reason label, e.g. "asks you to choose a time". */
  reason?: string;
  /** The phrase says the reader applied ("you applied", "thanks for your application"): nobody cold-calls them. */
  applied?: boolean;
  /** The phrase says the writer is the applicant ("my application"): an ask in it is the candidate's own. */
  writerApplied?: boolean;
}

/** A group of phrases that all point the same way. */
export interface SignalGroup {
  /** Human-readable label used in reasons, e.g. "asks you to choose a time". */
  reason: string;
  signals: PhraseSignal[];
}

export type { LogisticsCategory, NegativeCategory } from '../email-input';

/**
 * How an ask addressed to the reader is built, so the engine can score its parts instead of exact phrases:
 * an ask form ("could you", "are you free", "please", "let me know") followed in the same sentence by a
 * meeting or an assessment step ("come in", "a call", "the test") or by a time ("Friday", "a slot", "works
 * for you"). Each entry is a pattern source under the rules above.
 */
export interface ReaderAskShape {
  /** Questions put to the reader ("could you", "are you", "any chance"); they count when the sentence asks. */
  questions: string[];
  /** Requests to the reader that need no question mark ("please confirm", "let me know", "reply"). */
  requests: string[];
  /** The writer's wish to meet the reader, which asks as much as a question does ("we would be glad to see you"). */
  offers: string[];
  /** Imperatives to come somewhere, which need no question mark ("come down to the site", "pop in"). */
  visits: string[];
  /** Something synchronous the reader would do, or an assessment step ("come in", "meet", "a call", "test"). */
  meetings: string[];
  /** Slots and availability, and the words that ask what suits the reader ("a slot", "works for you"). */
  slots: string[];
  /** Days and clock times besides the weekday names ("tomorrow", "3pm"); they count only in a question. */
  dates: string[];
  /** Words that show a question is put to the reader ("you", "your"). */
  readerWords: string[];
  /**
   * Sentences that look like asks but ask nothing of the reader: the writer offering their own act ("would you
   * like me to", "should I"), courtesies ("feel free to call", "please find attached").
   */
  notAsks: string[];
  /** Words that put a short subject line in a job context besides the role nouns ("position", "CV", "vacancy"). */
  roleWords: string[];
  /**
   * What else people apply for ("mortgage", "visa", "the flat"): an application for one of these is not a job
   * application, so the phrases that say the reader applied do not count as job context.
   */
  otherApplications: string[];
  /** The words for applying, around which the thing applied for is read ("application", "applied"). */
  applicationWords: string[];
  /**
   * What joins a word for applying to the thing applied for ("for the", "to a"), as a pattern source; it must
   * refuse "to be" ("applying to be a Nursery Practitioner" names a job).
   */
  applicationObjectLead: string;
  /** Words after which a request starts its own clause ("…, so please confirm", "… and let me know"). */
  clauseOpeners: string[];
}

/** A pattern that locates a field, with how much a match counts. */
export interface FieldPattern {
  pattern: string;
  weight: number;
}

export interface InvitationSignalTable {
  /** BCP 47 tag of the language, e.g. `en`. */
  language: string;

  /** Nouns that put the email in a hiring-interview context ("interview", "phone screen"). */
  interviewContext: SignalGroup;
  /** A proposal to talk that is not yet an interview ("a quick call", "grab a coffee"); counts only with job context. */
  meetingProposal: SignalGroup;
  /** Words that put the email in a job-application context ("your application", "the role"). */
  jobContext: SignalGroup;
  /** An explicit invitation ("we'd like to invite you to interview"). */
  invite: SignalGroup;
  /** A request to pick, share or confirm a time ("please share your availability"). */
  timeRequest: SignalGroup;
  /** Subject-line cues that announce an invitation ("Interview invitation"). */
  subjectInvite: SignalGroup;
  /** The parts of an ask to the reader; a table without it scores phrases only. */
  readerAsk?: ReaderAskShape;

  negatives: Record<NegativeCategory, SignalGroup>;
  /**
   * Interviews that are not for a job (a police or insurance interview, a visa appointment). Scheduled in the
   * same words as a job interview, they outweigh a weak job context; optional, so older tables still compile.
   */
  nonJobInterviews?: SignalGroup;
  /** Subject-line cues for the negative categories ("Thank you for applying"). */
  subjectNegatives: Partial<Record<NegativeCategory, SignalGroup>>;
  logistics: Record<LogisticsCategory, SignalGroup>;
  subjectLogistics: Partial<Record<LogisticsCategory, SignalGroup>>;

  /** Phrases that name an interview kind; the first kind found in the author's text wins. */
  interviewKinds: { kind: InterviewKind; reason: string; patterns: string[] }[];

  /** Lines that open a quoted message ("On Tue, … wrote:", "From: … Sent: …", "-----Original Message-----"). */
  quoteHeaders: string[];
  /** Header field names of a quoted message block ("From:", "Sent:"); two of them in a row open a quote. */
  quotedHeaderFields: string[];
  /** The header fields among those that name the recipient ("To:"). */
  recipientHeaderFields: string[];
  /** A sentence that opens like this describes a possible future, not an invitation ("If you're selected, …"). */
  conditionalOpeners: string[];
  /** Courtesy titles stripped before names are compared ("Mr.", "Dr."). */
  honorifics: string[];
  /** Lines that open a forwarded message; when the author wrote almost nothing, the forward is read instead. */
  forwardHeaders: string[];
  /** Closings that precede a signature ("Best regards,"). Matched against a whole trimmed line. */
  signOffs: string[];
  /** Greeting words that precede the addressee's name ("Hi Jordan,"). */
  greetings: string[];

  /** Words that mark a sender or signature as a system or a team, not a person. */
  nonPersonWords: string[];
  /** Words that can end a job title ("Engineer", "Manager"); used to accept a capitalised phrase as a title. */
  roleNouns: string[];
  /** Words that can qualify a title but do not start a sentence ("Senior", "Staff"). */
  titleQualifiers: string[];
  /** Phrases around a job title; `{title}` marks where it sits. Earlier, heavier patterns are trusted more. */
  titlePatterns: FieldPattern[];
  /** Phrases followed by a company name ("here at {company}"). */
  companyPatterns: FieldPattern[];
  /** Phrases that follow a company name ("{company} would like to invite you"). */
  companyLeadPatterns: FieldPattern[];
  /** Labels of "Label: value" lines that name a person, company or job ("Host:", "Employer:", "Position:"). */
  fieldLabels: { person: string[]; company: string[]; title: string[] };
  /** Words that mark a department rather than the company ("Careers", "Talent Acquisition"); trimmed off the end. */
  departmentWords: string[];
  /** Words in a sender's name that mark a recruitment agency, whose client is the employer. */
  agencyWords: string[];
  /** Pieces of a sender's domain that mark an agency ("northlight-talent", "kalerecruitment"). */
  agencyDomainStems: string[];
  /** Phrases that show the sender recruits for a client ("my client"). */
  agencyCues: string[];
  /** Phrases that look like titles but are not the role applied for ("Hiring manager"). */
  nonTitles: string[];
  /** Words with an agent-noun ending that are not roles ("other", "number"). */
  nonTitleWords: string[];
  /** Phrases before the name of a hiring platform in a footer ("Powered by", "sent via"). */
  platformCues: string[];
  /** Words around a name that show it is an organisation ("at Acme", "Acme has …"). */
  companyWordsBefore: string[];
  companyWordsAfter: string[];
  /** Nouns that make a capitalised name a place, not a company ("the Halifax branch"). */
  placeNouns: string[];
  /** Capitalised words that are never a company name on their own ("The", "Monday"). */
  notCompanyWords: string[];
  /** Lower-case joining words allowed inside a title or company name ("of", "and"). */
  nameConnectors: string[];
  /**
   * Nouns that end the full name of an institution ("Hospital", "Authority", "Council"): a name found in the
   * email that extends the chosen company with words ending in one of them is the employer's full name
   * ("Riverina" from the domain → "Riverina Base Hospital").
   */
  institutionNouns: string[];
  /** Legal suffixes that end a company name ("Inc", "GmbH"). */
  companySuffixes: string[];
  /** Self-introductions that name the writer; `{name}` marks where it sits ("my name is {name}"). */
  selfIntroductions: string[];
  /** More vocabulary for job titles and company names (field-vocabulary.ts); absent in minimal tables. */
  fieldVocabulary?: FieldVocabulary;

  /** Weekday and month names, and time words, for finding proposed times. */
  weekdays: string[];
  months: string[];
}
