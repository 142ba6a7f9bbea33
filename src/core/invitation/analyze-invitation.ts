import type { EmailInput, ExtractedField, InvitationAnalysis } from './email-input';

// TEMPORARY PLACEHOLDER (issue 3 replaces it): a keyword check so the pane has a verdict to show.
// It knows nothing about rejections, offers or logistics, and extracts only the sender's name.
const PLACEHOLDER_PATTERN = /\binterview\b/i;

const unknown: ExtractedField = { value: null, evidence: null };

export function analyzeInvitation(input: EmailInput): InvitationAnalysis {
  const text = `${input.subject ?? ''}\n${input.body.slice(0, 65_536)}`;
  const match = PLACEHOLDER_PATTERN.exec(text);
  const isInvitation = match !== null;
  const sender = input.fromName?.trim() || null;
  return {
    verdict: isInvitation ? 'invitation' : 'not-invitation',
    isInvitation,
    confidence: isInvitation ? 0.5 : 0.5,
    interviewKind: null,
    proposedTimes: [],
    schedulingLink: null,
    reasons: isInvitation ? ['mentions an interview (placeholder check)'] : [],
    fields: {
      hiringManager: sender ? { value: sender, evidence: 'sender name' } : unknown,
      jobTitle: unknown,
      company: unknown,
    },
  };
}
