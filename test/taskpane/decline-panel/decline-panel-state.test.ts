import { describe, expect, it } from 'vitest';
import { composeDeclineText } from '../../../src/core/decline/render-decline-reply';
import type { InvitationAnalysis } from '../../../src/core/invitation/email-input';
import {
  declinePanelReducer,
  initialDeclinePanelState,
  isDeclineFormVisible,
  toDeclineDraft,
} from '../../../src/taskpane/decline-panel/decline-panel-state';
import type { DeclinePanelState, ReadyState } from '../../../src/taskpane/decline-panel/decline-panel-state';
import { invitationEmail } from '../support/fake-mailbox';

function analysis(overrides: Partial<InvitationAnalysis> = {}): InvitationAnalysis {
  return {
    verdict: 'invitation',
    isInvitation: true,
    confidence: 0.9,
    interviewKind: null,
    proposedTimes: [],
    schedulingLink: null,
    reasons: ['invites you to interview'],
    fields: {
      hiringManager: { value: 'Dana Whitfield', evidence: 'signature' },
      jobTitle: { value: 'Product Designer', evidence: 'subject' },
      company: { value: null, evidence: null },
    },
    ...overrides,
  };
}

function ready(overrides: Partial<InvitationAnalysis> = {}): ReadyState {
  const state = declinePanelReducer(initialDeclinePanelState, {
    type: 'item-loaded',
    email: invitationEmail(),
    analysis: analysis(overrides),
    yourName: 'Alex Rivera',
    reasonId: null,
  });
  if (state.status !== 'ready') throw new Error('expected ready');
  return state;
}

const expectReady = (state: DeclinePanelState): ReadyState => {
  if (state.status !== 'ready') throw new Error(`expected ready, got ${state.status}`);
  return state;
};

describe('declinePanelReducer', () => {
  it('starts loading, and moves to no-item or error', () => {
    expect(initialDeclinePanelState).toEqual({ status: 'loading', step: 'reading' });
    expect(declinePanelReducer(initialDeclinePanelState, { type: 'item-missing' })).toEqual({
      status: 'no-item',
    });
    expect(
      declinePanelReducer(initialDeclinePanelState, {
        type: 'item-failed',
        problem: 'read',
        message: 'Nope.',
      }),
    ).toEqual({ status: 'error', problem: 'read', message: 'Nope.' });
    expect(
      declinePanelReducer(initialDeclinePanelState, {
        type: 'item-failed',
        problem: 'detector',
        message: 'Offline.',
      }),
    ).toEqual({ status: 'error', problem: 'detector', message: 'Offline.' });
  });

  it('waits for the detector once the email is read, and only while loading', () => {
    expect(declinePanelReducer(initialDeclinePanelState, { type: 'item-read' })).toEqual({
      status: 'loading',
      step: 'analysing',
    });
    const shown = ready();
    expect(declinePanelReducer(shown, { type: 'item-read' })).toBe(shown);
  });

  it('prefills the fields from the analysis and the user’s name, with unknown values left blank', () => {
    const state = ready();
    expect(state.fields).toEqual({
      hiringManager: 'Dana Whitfield',
      jobTitle: 'Product Designer',
      company: '',
      yourName: 'Alex Rivera',
    });
    expect(state.reasonId).toBe('accepted-offer');
    expect(state.text).toBe(
      composeDeclineText('accepted-offer', {
        hiringManager: 'Dana Whitfield',
        jobTitle: 'Product Designer',
        company: '',
        yourName: 'Alex Rivera',
      }),
    );
  });

  it('starts from a saved default reason when one is given', () => {
    const state = declinePanelReducer(initialDeclinePanelState, {
      type: 'item-loaded',
      email: invitationEmail(),
      analysis: analysis(),
      yourName: null,
      reasonId: 'personal',
    });
    expect(expectReady(state).reasonId).toBe('personal');
    expect(expectReady(state).fields.yourName).toBe('');
  });

  it('rewrites the text when a field or the reason changes, until the user edits it', () => {
    let state = expectReady(
      declinePanelReducer(ready(), { type: 'field-changed', field: 'company', value: 'Acme' }),
    );
    expect(state.text).toContain('Product Designer role at Acme.');
    state = expectReady(declinePanelReducer(state, { type: 'reason-changed', reasonId: 'timing' }));
    expect(state.text).toContain("the timing doesn't work for me");

    state = expectReady(declinePanelReducer(state, { type: 'text-edited', text: 'My own words.' }));
    state = expectReady(declinePanelReducer(state, { type: 'reason-changed', reasonId: 'personal' }));
    state = expectReady(
      declinePanelReducer(state, { type: 'field-changed', field: 'company', value: 'Other' }),
    );
    expect(state.text).toBe('My own words.');
    expect(state.textEdited).toBe(true);
    expect(state.reasonId).toBe('personal');

    state = expectReady(declinePanelReducer(state, { type: 'text-reset' }));
    expect(state.textEdited).toBe(false);
    expect(state.text).toContain('For personal reasons');
    expect(state.text).toContain('Other');
  });

  it('tracks a reply from requested to opened, ignoring a second request while opening', () => {
    let state = expectReady(declinePanelReducer(ready(), { type: 'reply-requested', replyAll: true }));
    expect(state.reply).toEqual({ status: 'opening', replyAll: true });
    expect(declinePanelReducer(state, { type: 'reply-requested', replyAll: false })).toBe(state);
    state = expectReady(declinePanelReducer(state, { type: 'reply-opened', notTrackedReason: 'offline' }));
    expect(state.reply).toEqual({ status: 'opened', replyAll: true, notTrackedReason: 'offline' });
  });

  it('keeps a failure until dismissed or the form changes', () => {
    let state = expectReady(declinePanelReducer(ready(), { type: 'reply-requested', replyAll: false }));
    state = expectReady(declinePanelReducer(state, { type: 'reply-failed', message: 'Too long.' }));
    expect(state.reply).toEqual({ status: 'failed', message: 'Too long.' });
    expect(expectReady(declinePanelReducer(state, { type: 'reply-status-dismissed' })).reply).toEqual({
      status: 'idle',
    });
    expect(expectReady(declinePanelReducer(state, { type: 'text-edited', text: 'x' })).reply).toEqual({
      status: 'idle',
    });
  });

  it('hides the form for a non-invitation until the user chooses to decline anyway', () => {
    const state = ready({ verdict: 'not-invitation', isInvitation: false });
    expect(isDeclineFormVisible(state)).toBe(false);
    expect(isDeclineFormVisible(expectReady(declinePanelReducer(state, { type: 'decline-anyway' })))).toBe(
      true,
    );
    expect(isDeclineFormVisible(ready({ verdict: 'interview-logistics', isInvitation: false }))).toBe(true);
  });

  it('ignores form actions while no email is ready', () => {
    const loading = initialDeclinePanelState;
    expect(declinePanelReducer(loading, { type: 'field-changed', field: 'company', value: 'x' })).toBe(
      loading,
    );
    expect(declinePanelReducer(loading, { type: 'reply-requested', replyAll: false })).toBe(loading);
  });

  it('restores the user’s draft when an email they worked on loads again', () => {
    let edited = expectReady(declinePanelReducer(ready(), { type: 'reason-changed', reasonId: 'timing' }));
    edited = expectReady(declinePanelReducer(edited, { type: 'text-edited', text: 'My words.' }));
    edited = expectReady(declinePanelReducer(edited, { type: 'reply-requested', replyAll: false }));
    const reloaded = declinePanelReducer(initialDeclinePanelState, {
      type: 'item-loaded',
      email: invitationEmail(),
      analysis: analysis(),
      yourName: 'Alex Rivera',
      reasonId: null,
      draft: toDeclineDraft(edited),
    });
    expect(expectReady(reloaded)).toMatchObject({
      reasonId: 'timing',
      text: 'My words.',
      textEdited: true,
      reply: { status: 'idle' },
    });
  });

  it('a newly loaded email replaces everything, including edits', () => {
    const edited = declinePanelReducer(ready(), { type: 'text-edited', text: 'Mine.' });
    const next = declinePanelReducer(edited, {
      type: 'item-loaded',
      email: invitationEmail({ fromName: 'Ravi' }),
      analysis: analysis(),
      yourName: 'Alex Rivera',
      reasonId: null,
    });
    expect(expectReady(next).textEdited).toBe(false);
    expect(expectReady(next).email.fromName).toBe('Ravi');
  });
});
