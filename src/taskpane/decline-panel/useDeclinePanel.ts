/**
 * The decline panel's behaviour: loads the current email (again on every ItemChanged), keeps the form in
 * the reducer, derives the live preview, and opens the reply. The only place in the feature with effects.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { DeclineReasonId } from '../../core/decline/decline-reasons';
import { renderDeclineReply } from '../../core/decline/render-decline-reply';
import type { RenderDeclineReplyResult } from '../../core/decline/render-decline-reply';
import { DetectorLoadError } from '../app/deferred-invitation-detector';
import { usePaneServices } from '../app/usePaneServices';
import type { PaneServices } from '../app/pane-services';
import {
  declinePanelReducer,
  initialDeclinePanelState,
  toDeclineDraft,
  toDeclineValues,
} from './decline-panel-state';
import type {
  DeclineDraft,
  DeclineField,
  DeclinePanelAction,
  DeclinePanelState,
  ReadyState,
} from './decline-panel-state';
import { replySubject } from './reply-subject';

export interface DeclinePanelActions {
  reload(): void;
  changeField(field: DeclineField, value: string): void;
  changeReason(reasonId: DeclineReasonId): void;
  editText(text: string): void;
  resetText(): void;
  declineAnyway(): void;
  openReply(options: { replyAll: boolean }): void;
  dismissReplyStatus(): void;
}

export interface DeclinePanelModel {
  state: DeclinePanelState;
  /** The rendered reply for the current form, or null while no email is ready. */
  preview: RenderDeclineReplyResult | null;
  actions: DeclinePanelActions;
}

export function useDeclinePanel(): DeclinePanelModel {
  const services = usePaneServices();
  const [state, dispatch] = useReducer(declinePanelReducer, initialDeclinePanelState);
  // Each load gets a number; a slower earlier read that finishes late is ignored.
  const loadGeneration = useRef(0);
  // Drafts per email (by Outlook's item id), so moving away from an email in a pinned pane loses nothing.
  const drafts = useRef(new Map<string, DeclineDraft>());

  useEffect(() => {
    const itemId = state.status === 'ready' ? state.email.itemId : null;
    if (state.status !== 'ready' || !itemId) return;
    drafts.current.delete(itemId);
    drafts.current.set(itemId, toDeclineDraft(state));
    if (drafts.current.size > MAX_DRAFTS) drafts.current.delete(drafts.current.keys().next().value as string);
  }, [state]);

  const load = useCallback(() => {
    const generation = ++loadGeneration.current;
    const current = (action: DeclinePanelAction) => {
      if (generation === loadGeneration.current) dispatch(action);
    };
    dispatch({ type: 'item-loading' });
    loadItem(services, drafts.current, () => current({ type: 'item-read' })).then(current, (error: unknown) =>
      current({
        type: 'item-failed',
        problem: error instanceof DetectorLoadError ? 'detector' : 'read',
        message: messageOf(error),
      }),
    );
  }, [services]);

  useEffect(() => {
    const generation = loadGeneration;
    load();
    let stopListening: (() => Promise<void>) | null = null;
    let unmounted = false;
    services.mailbox.onItemChanged(load).then(
      (stop) => {
        if (unmounted) void stop();
        else stopListening = stop;
      },
      (error: unknown) => {
        // Without ItemChanged a pinned pane keeps the old email; the pane still works for the one it opened on.
        console.warn('Politely: not following email changes.', error);
      },
    );
    return () => {
      unmounted = true;
      generation.current++;
      if (stopListening) void stopListening();
    };
  }, [services, load]);

  const preview = useMemo(
    () =>
      state.status === 'ready'
        ? renderDeclineReply({
            reasonId: state.reasonId,
            values: toDeclineValues(state.fields),
            text: state.text,
          })
        : null,
    [state],
  );

  const openReply = useCallback(
    ({ replyAll }: { replyAll: boolean }) => {
      if (state.status !== 'ready' || state.reply.status === 'opening') return;
      dispatch({ type: 'reply-requested', replyAll });
      openTrackedReply(services, state, replyAll).then(
        (notTrackedReason) => dispatch({ type: 'reply-opened', notTrackedReason }),
        (error: unknown) => dispatch({ type: 'reply-failed', message: messageOf(error) }),
      );
    },
    [services, state],
  );

  const actions = useMemo<DeclinePanelActions>(
    () => ({
      reload: load,
      changeField: (field, value) => dispatch({ type: 'field-changed', field, value }),
      changeReason: (reasonId) => dispatch({ type: 'reason-changed', reasonId }),
      editText: (text) => dispatch({ type: 'text-edited', text }),
      resetText: () => dispatch({ type: 'text-reset' }),
      declineAnyway: () => dispatch({ type: 'decline-anyway' }),
      openReply,
      dismissReplyStatus: () => dispatch({ type: 'reply-status-dismissed' }),
    }),
    [load, openReply],
  );

  return { state, preview, actions };
}

const MAX_DRAFTS = 50;

async function loadItem(
  services: PaneServices,
  drafts: ReadonlyMap<string, DeclineDraft>,
  onRead: () => void,
): Promise<DeclinePanelAction> {
  const email = await services.mailbox.readCurrentItem();
  if (email === null) return { type: 'item-missing' as const };
  onRead();
  const draft = email.itemId ? (drafts.get(email.itemId) ?? null) : null;
  const defaults = services.readDeclineDefaults?.() ?? {};
  const yourName = defaults.yourName?.trim() || services.mailbox.userDisplayName();
  let analysis;
  try {
    analysis = await services.analyzeInvitation({ ...email, candidateName: yourName });
  } catch (error) {
    if (error instanceof DetectorLoadError) throw error;
    throw new Error(`Politely couldn't analyse this email (${messageOf(error)}).`);
  }
  return {
    type: 'item-loaded' as const,
    email,
    analysis,
    yourName,
    reasonId: defaults.reasonId ?? null,
    draft,
  };
}

/** Opens the reply; resolves with the reason it isn't tracked (null when tracked or tracking is off). */
async function openTrackedReply(
  services: PaneServices,
  state: ReadyState,
  replyAll: boolean,
): Promise<string | null> {
  let pixelUrl: string | null = null;
  let notTrackedReason: string | null = null;
  if (services.replyTracking) {
    const outcome = await services.replyTracking
      .prepareTrackedReply({
        subject: replySubject(state.email.subject),
        recipient: state.email.fromEmail,
        templateId: state.reasonId,
      })
      .catch((error: unknown) => ({ kind: 'not-tracked' as const, reason: messageOf(error) }));
    if (outcome.kind === 'tracked') pixelUrl = outcome.pixelUrl;
    if (outcome.kind === 'not-tracked') notTrackedReason = outcome.reason;
  }
  const rendered = renderDeclineReply({
    reasonId: state.reasonId,
    values: toDeclineValues(state.fields),
    text: state.text,
    trackingPixelUrl: pixelUrl,
  });
  if (!rendered.ok) throw new Error(rendered.error.message);
  await services.mailbox.openReply(rendered.reply.html, { replyAll });
  return notTrackedReason;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}
