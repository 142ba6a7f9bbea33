/**
 * The decline panel's state machine: a pure reducer over a discriminated union, so every screen the pane
 * can show is a value that tests can build and check.
 */
import { DEFAULT_DECLINE_REASON_ID } from '../../core/decline/decline-reasons';
import type { DeclineReasonId } from '../../core/decline/decline-reasons';
import { composeDeclineText } from '../../core/decline/render-decline-reply';
import type { DeclineValues } from '../../core/decline/render-decline-reply';
import type { InvitationAnalysis } from '../../core/invitation/email-input';
import type { MailItemSnapshot } from '../office/mailbox-port';

export interface DeclineFields {
  hiringManager: string;
  jobTitle: string;
  company: string;
  yourName: string;
}

export type DeclineField = keyof DeclineFields;

export type ReplyStatus =
  | { status: 'idle' }
  | { status: 'opening'; replyAll: boolean }
  | { status: 'opened'; replyAll: boolean; notTrackedReason: string | null }
  | { status: 'failed'; message: string };

export interface ReadyState {
  status: 'ready';
  email: MailItemSnapshot;
  analysis: InvitationAnalysis;
  /** The user chose to decline an email that doesn't look like an invitation. */
  declineAnyway: boolean;
  fields: DeclineFields;
  reasonId: DeclineReasonId;
  text: string;
  /** Once the user edits the text, field and reason changes no longer overwrite it. */
  textEdited: boolean;
  reply: ReplyStatus;
}

/** What the user has done to one email's reply, kept so that coming back to the email restores it. */
export type DeclineDraft = Pick<ReadyState, 'fields' | 'reasonId' | 'text' | 'textEdited' | 'declineAnyway'>;

/** What the pane waits for: Outlook reading the email, then the detector (a chunk still arriving, at boot). */
export type LoadingStep = 'reading' | 'analysing';

/** `read`: Outlook couldn't give us the email. `detector`: the detector's code couldn't be fetched. */
export type LoadProblem = 'read' | 'detector';

export type DeclinePanelState =
  | { status: 'loading'; step: LoadingStep }
  | { status: 'no-item' }
  | { status: 'error'; problem: LoadProblem; message: string }
  | ReadyState;

export type DeclinePanelAction =
  | { type: 'item-loading' }
  | { type: 'item-read' }
  | {
      type: 'item-loaded';
      email: MailItemSnapshot;
      analysis: InvitationAnalysis;
      yourName: string | null;
      reasonId: DeclineReasonId | null;
      /** The user's earlier work on this same email, if any; it wins over the prefill. */
      draft?: DeclineDraft | null;
    }
  | { type: 'item-missing' }
  | { type: 'item-failed'; problem: LoadProblem; message: string }
  | { type: 'field-changed'; field: DeclineField; value: string }
  | { type: 'reason-changed'; reasonId: DeclineReasonId }
  | { type: 'text-edited'; text: string }
  | { type: 'text-reset' }
  | { type: 'decline-anyway' }
  | { type: 'reply-requested'; replyAll: boolean }
  | { type: 'reply-opened'; notTrackedReason: string | null }
  | { type: 'reply-failed'; message: string }
  | { type: 'reply-status-dismissed' };

export const initialDeclinePanelState: DeclinePanelState = { status: 'loading', step: 'reading' };

export function declinePanelReducer(state: DeclinePanelState, action: DeclinePanelAction): DeclinePanelState {
  switch (action.type) {
    case 'item-loading':
      return { status: 'loading', step: 'reading' };
    case 'item-read':
      return state.status === 'loading' ? { status: 'loading', step: 'analysing' } : state;
    case 'item-missing':
      return { status: 'no-item' };
    case 'item-failed':
      return { status: 'error', problem: action.problem, message: action.message };
    case 'item-loaded': {
      const { fields: extracted } = action.analysis;
      const fields: DeclineFields = {
        hiringManager: extracted.hiringManager.value ?? '',
        jobTitle: extracted.jobTitle.value ?? '',
        company: extracted.company.value ?? '',
        yourName: action.yourName ?? '',
      };
      const reasonId = action.reasonId ?? DEFAULT_DECLINE_REASON_ID;
      return {
        status: 'ready',
        email: action.email,
        analysis: action.analysis,
        declineAnyway: false,
        fields,
        reasonId,
        text: composeDeclineText(reasonId, toDeclineValues(fields)),
        textEdited: false,
        ...action.draft,
        reply: { status: 'idle' },
      };
    }
  }

  if (state.status !== 'ready') return state;

  switch (action.type) {
    case 'field-changed':
      return withTemplateText({ ...state, fields: { ...state.fields, [action.field]: action.value } });
    case 'reason-changed':
      return withTemplateText({ ...state, reasonId: action.reasonId });
    case 'text-edited':
      return { ...state, text: action.text, textEdited: true, reply: settledReply(state.reply) };
    case 'text-reset':
      return withTemplateText({ ...state, textEdited: false });
    case 'decline-anyway':
      return { ...state, declineAnyway: true };
    case 'reply-requested':
      if (state.reply.status === 'opening') return state;
      return { ...state, reply: { status: 'opening', replyAll: action.replyAll } };
    case 'reply-opened':
      if (state.reply.status !== 'opening') return state;
      return {
        ...state,
        reply: {
          status: 'opened',
          replyAll: state.reply.replyAll,
          notTrackedReason: action.notTrackedReason,
        },
      };
    case 'reply-failed':
      return { ...state, reply: { status: 'failed', message: action.message } };
    case 'reply-status-dismissed':
      return { ...state, reply: settledReply(state.reply) };
  }
}

/** Whether the form is shown: always for invitations and logistics, after "Decline anyway" otherwise. */
export function toDeclineDraft(state: ReadyState): DeclineDraft {
  const { fields, reasonId, text, textEdited, declineAnyway } = state;
  return { fields, reasonId, text, textEdited, declineAnyway };
}

export function isDeclineFormVisible(state: ReadyState): boolean {
  return state.analysis.verdict !== 'not-invitation' || state.declineAnyway;
}

export function toDeclineValues(fields: DeclineFields): DeclineValues {
  return {
    hiringManager: fields.hiringManager,
    jobTitle: fields.jobTitle,
    company: fields.company,
    yourName: fields.yourName,
  };
}

/** Regenerates the text from the template unless the user has edited it; any edit clears a finished reply's message. */
function withTemplateText(state: ReadyState): ReadyState {
  const text = state.textEdited
    ? state.text
    : composeDeclineText(state.reasonId, toDeclineValues(state.fields));
  return { ...state, text, reply: settledReply(state.reply) };
}

function settledReply(reply: ReplyStatus): ReplyStatus {
  return reply.status === 'opening' ? reply : { status: 'idle' };
}
