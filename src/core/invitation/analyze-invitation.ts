/**
 * The one entry point the pane and the evaluation command call: reads an email and says whether it
 * invites the reader to a job interview, why, and who is asking for which role at which company.
 * Pure and total: it never throws and reads at most the first 64 KB of the body.
 */

import { classifyInvitation } from './classify-invitation';
import type { EmailInput, InvitationAnalysis } from './email-input';
import { extractFields } from './extract-fields';
import { findSchedule } from './find-schedule';
import { normalizeBody, readEmailText } from './read-email-text';
import { englishSignals } from './signals/en';
import type { InvitationSignalTable } from './signals/signal-table';

const MAX_HEADER_CHARS = 1_000;

function text(value: unknown, max = MAX_HEADER_CHARS): string {
  return typeof value === 'string' ? value.slice(0, max).replace(/[\r\n\t]+/g, ' ') : '';
}

function sentByReader(fromName: string, candidateName: string): boolean {
  const reader = candidateName.trim().toLowerCase();
  if (reader.length === 0) return false;
  return fromName.trim().toLowerCase() === reader;
}

/** The analysis without the safety net; exported so tests can prove it does not throw on its own. */
export function analyzeEmail(
  input: EmailInput,
  table: InvitationSignalTable = englishSignals,
): InvitationAnalysis {
  const subject = text(input.subject);
  const fromName = text(input.fromName);
  const fromEmail = text(input.fromEmail);
  const candidateName = text(input.candidateName);
  const body = normalizeBody(input.body);
  const emailText = readEmailText(body, table);
  const meeting = input.meeting && typeof input.meeting === 'object' ? input.meeting : null;
  const isMeetingRequest =
    /^IPM\.Schedule\.Meeting\.Request/i.test(text(input.itemClass)) || meeting !== null;

  const schedule = findSchedule(subject, emailText.own, meeting, table);
  const classification = classifyInvitation(
    {
      subject,
      fromName,
      fromEmail,
      text: emailText,
      schedule,
      isMeetingRequest,
      sentByReader: sentByReader(fromName, candidateName),
      forwardNote: emailText.forwardNote,
    },
    table,
  );
  const fields = extractFields({ subject, fromName, fromEmail, candidateName, text: emailText }, table);
  const interviewRelated = classification.verdict !== 'not-invitation';

  return {
    verdict: classification.verdict,
    isInvitation: classification.verdict === 'invitation',
    confidence: classification.confidence,
    interviewKind: interviewRelated ? schedule.interviewKind : null,
    proposedTimes: interviewRelated ? schedule.proposedTimes : [],
    schedulingLink: interviewRelated ? schedule.schedulingLink : null,
    reasons: classification.reasons,
    fields,
    category: classification.category,
  };
}

const FALLBACK: InvitationAnalysis = {
  verdict: 'not-invitation',
  isInvitation: false,
  confidence: 0,
  interviewKind: null,
  proposedTimes: [],
  schedulingLink: null,
  reasons: ['could not read this email'],
  fields: {
    hiringManager: { value: null, evidence: null },
    jobTitle: { value: null, evidence: null },
    company: { value: null, evidence: null },
  },
  category: 'unrelated',
};

/**
 * Analyses one email. Total by contract: the analysis is written not to throw, and the guard below turns
 * any defect into a "could not read" verdict instead of breaking the pane.
 */
export function analyzeInvitation(
  input: EmailInput,
  table: InvitationSignalTable = englishSignals,
): InvitationAnalysis {
  try {
    return analyzeEmail(input ?? { subject: null, fromName: null, fromEmail: null, body: '' }, table);
  } catch {
    return { ...FALLBACK, fields: { ...FALLBACK.fields } };
  }
}
