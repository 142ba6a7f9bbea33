/**
 * The contract between the shells that read an email (Office adapter, preview, eval CLI) and the
 * invitation analysis in core. Everything is plain data; time arrives as values, never read from a clock.
 */

export interface MeetingRequestDetails {
  start: Date | null;
  end: Date | null;
  location: string | null;
}

export interface EmailInput {
  subject: string | null;
  fromName: string | null;
  fromEmail: string | null;
  /** Plain-text body, any size; analysis reads at most the first 64 KB. */
  body: string;
  /** Outlook item class, e.g. `IPM.Note` or `IPM.Schedule.Meeting.Request`. */
  itemClass?: string | null;
  /** Present for meeting requests. */
  meeting?: MeetingRequestDetails | null;
  /** The reader's own display name, so extraction never offers it as the hiring manager. */
  candidateName?: string | null;
}

export type InvitationVerdict = 'invitation' | 'interview-logistics' | 'not-invitation';

/**
 * What the analysis took the email to be, so the pane can say what it saw: an invitation, one of the
 * interview-logistics kinds, one of the look-alikes, or `unrelated`.
 */
/** The kinds of email that look like an invitation but are not one. */
export type NegativeCategory =
  | 'rejection'
  | 'offer'
  | 'acknowledgement'
  | 'job-alert'
  | 'newsletter'
  | 'marketing'
  | 'cold-outreach'
  | 'candidate-own'
  | 'press'
  | 'interviewer-role'
  | 'workplace'
  | 'admissions';

/** Reminders, confirmations, reschedules and cancellations of an interview already agreed. */
export type LogisticsCategory = 'reminder' | 'confirmation' | 'reschedule' | 'cancellation';

export type EmailCategory = 'invitation' | LogisticsCategory | NegativeCategory | 'unrelated';

export type InterviewKind = 'phone-screen' | 'video-call' | 'on-site' | 'panel' | 'technical' | 'assessment';

/** One extracted value with the text it came from; `value` is null rather than a guess. */
export interface ExtractedField {
  value: string | null;
  evidence: string | null;
}

export interface ExtractedFields {
  hiringManager: ExtractedField;
  jobTitle: ExtractedField;
  company: ExtractedField;
}

export interface InvitationAnalysis {
  verdict: InvitationVerdict;
  /** True only for the `invitation` verdict. */
  isInvitation: boolean;
  /** 0..1: how sure the verdict is. */
  confidence: number;
  interviewKind: InterviewKind | null;
  /** Proposed times quoted from the email (or the meeting request's start), human-readable. */
  proposedTimes: string[];
  schedulingLink: string | null;
  /** Short, human-readable evidence quoted from the email. */
  reasons: string[];
  fields: ExtractedFields;
  /** What the email was taken to be (finer than `verdict`); absent only from hand-built values. */
  category?: EmailCategory;
}
