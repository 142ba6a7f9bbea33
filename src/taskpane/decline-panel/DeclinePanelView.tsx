/** Render-only view of the decline panel: everything it shows comes from props, every action goes back out. */
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { Button, Input, Select, Textarea } from '@fluentui/react-components';
import { FormField } from '../app/FormField';
import { DECLINE_REASONS, findDeclineReason } from '../../core/decline/decline-reasons';
import { splitParagraphs } from '../../core/decline/render-decline-reply';
import type { RenderDeclineReplyResult } from '../../core/decline/render-decline-reply';
import type { InvitationAnalysis } from '../../core/invitation/email-input';
import { LoadingIndicator } from '../app/LoadingIndicator';
import { Notice } from '../app/Notice';
import { isDeclineFormVisible } from './decline-panel-state';
import type { DeclineField, LoadProblem, LoadingStep, ReadyState } from './decline-panel-state';
import { formatMeetingTime } from './format-meeting-time';
import { otherProposedTimes } from './other-proposed-times';
import { replySubject } from './reply-subject';
import type { DeclinePanelActions, DeclinePanelModel } from './useDeclinePanel';
import type { DeclinePanelClasses } from './useDeclinePanelStyles';

export interface DeclinePanelViewProps extends DeclinePanelModel {
  classes: DeclinePanelClasses;
}

export function DeclinePanelView({ state, preview, actions, classes }: DeclinePanelViewProps) {
  // "Try again" disappears while the pane reloads; afterwards keyboard focus goes to the first control of
  // what came back (the form, "Decline anyway", or "Try again" once more) rather than to the page. Only after
  // that button: a pinned pane following Outlook's selection never takes focus.
  const mainRef = useRef<HTMLElement>(null);
  const retried = useRef(false);
  useEffect(() => {
    if (!retried.current || state.status === 'loading') return;
    retried.current = false;
    const main = mainRef.current;
    (main?.querySelector<HTMLElement>('input, select, textarea, button') ?? main)?.focus();
  }, [state.status]);
  const retry = () => {
    retried.current = true;
    actions.reload();
  };

  switch (state.status) {
    case 'loading':
      return (
        <main className={classes.root} aria-busy="true">
          <LoadingIndicator label={LOADING_LABELS[state.step]} />
        </main>
      );
    case 'no-item':
      return (
        <main className={classes.root} ref={mainRef} tabIndex={-1}>
          <Notice intent="info" title="No email selected">
            Select an email and Politely will read it.
          </Notice>
        </main>
      );
    case 'error':
      return (
        <main className={classes.root} ref={mainRef} tabIndex={-1}>
          <div role="alert">
            <Notice
              intent="error"
              title={LOAD_PROBLEM_TITLES[state.problem]}
              actions={<Button onClick={retry}>Try again</Button>}
            >
              {state.message}
            </Notice>
          </div>
        </main>
      );
    case 'ready':
      return (
        <ReadyView state={state} preview={preview} actions={actions} classes={classes} mainRef={mainRef} />
      );
  }
}

const LOADING_LABELS: Record<LoadingStep, string> = {
  reading: 'Reading the email…',
  analysing: 'Checking whether this email invites you to an interview…',
};

const LOAD_PROBLEM_TITLES: Record<LoadProblem, string> = {
  read: "Politely couldn't read this email",
  detector: "Politely couldn't load its invitation detector",
};

interface ReadyViewProps {
  mainRef: RefObject<HTMLElement>;
  state: ReadyState;
  preview: RenderDeclineReplyResult | null;
  actions: DeclinePanelActions;
  classes: DeclinePanelClasses;
}

function ReadyView({ state, preview, actions, classes, mainRef }: ReadyViewProps) {
  const emailHeadingId = useId();
  const replyHeadingId = useId();
  const { email } = state;
  const from = [email.fromName, email.fromEmail && `<${email.fromEmail}>`].filter(Boolean).join(' ');
  const meetingTime = email.meeting ? formatMeetingTime(email.meeting) : null;
  // The email on which the user pressed "Decline anyway" here. That button disappears once pressed, so
  // keyboard focus moves on to the form it revealed; a draft restored on returning to the email, with the
  // pane pinned, does not pull focus away from Outlook.
  const [declinedAnywayHere, setDeclinedAnywayHere] = useState<ReadyState['email'] | null>(null);

  return (
    <main className={classes.root} ref={mainRef} tabIndex={-1}>
      <section className={classes.section} aria-labelledby={emailHeadingId}>
        <h2 id={emailHeadingId} className={classes.heading}>
          Email
        </h2>
        <dl className={classes.facts}>
          <dt>From</dt>
          <dd>{from || 'Unknown sender'}</dd>
          <dt>Subject</dt>
          <dd>{email.subject ?? '(no subject)'}</dd>
          {meetingTime && (
            <>
              <dt>Meeting</dt>
              <dd>{meetingTime}</dd>
            </>
          )}
        </dl>
      </section>

      <VerdictSection
        analysis={state.analysis}
        proposedTimes={otherProposedTimes(state.analysis.proposedTimes, email.meeting)}
        declineAnyway={state.declineAnyway}
        onDeclineAnyway={() => {
          setDeclinedAnywayHere(email);
          actions.declineAnyway();
        }}
        classes={classes}
      />

      {isDeclineFormVisible(state) && (
        <>
          <section className={classes.section} aria-labelledby={replyHeadingId}>
            <h2 id={replyHeadingId} className={classes.heading}>
              Your reply
            </h2>
            <div className={classes.fieldGrid}>
              <TextField
                label="Hiring manager"
                field="hiringManager"
                state={state}
                actions={actions}
                autoFocus={declinedAnywayHere === email}
              />
              <TextField label="Job title" field="jobTitle" state={state} actions={actions} />
              <TextField label="Company" field="company" state={state} actions={actions} />
              <TextField label="Your name" field="yourName" state={state} actions={actions} />
            </div>
            <FormField label="Decline reason">
              {(control) => (
                <Select
                  {...control}
                  value={state.reasonId}
                  onChange={(_event, data) => {
                    const reason = findDeclineReason(data.value);
                    if (reason) actions.changeReason(reason.id);
                  }}
                >
                  {DECLINE_REASONS.map((reason) => (
                    <option key={reason.id} value={reason.id}>
                      {reason.label}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            <FormField
              label="Reply text"
              hint={
                state.textEdited
                  ? 'Edited by you: changing the fields or reason no longer rewrites it.'
                  : 'Follows the fields and reason above until you edit it.'
              }
            >
              {(control) => (
                <Textarea
                  {...control}
                  value={state.text}
                  resize="vertical"
                  rows={12}
                  onChange={(_event, data) => actions.editText(data.value)}
                />
              )}
            </FormField>
            {state.textEdited && (
              <div className={classes.textActions}>
                <Button size="small" onClick={actions.resetText}>
                  Use the template text
                </Button>
                <span>Replaces your edits with the wording for the chosen reason.</span>
              </div>
            )}
            <PreviewSection state={state} preview={preview} meetingTime={meetingTime} classes={classes} />
          </section>
          {/* The outcome sits with the buttons, which stay in view (a child of <main>, not of the section above,
              so sticking is not limited to that section's box): a "Not tracked" warning or an error must
              not open below the fold of a pane scrolled to the top. */}
          <div className={classes.footer}>
            <ReplyStatusMessage
              state={state}
              onDismiss={actions.dismissReplyStatus}
              onRetry={() =>
                actions.openReply({ replyAll: state.reply.status === 'opened' && state.reply.replyAll })
              }
            />
            <div className={classes.buttons}>
              <Button
                appearance="primary"
                disabledFocusable={!preview?.ok || state.reply.status === 'opening'}
                onClick={() => actions.openReply({ replyAll: false })}
              >
                Open reply
              </Button>
              <Button
                disabledFocusable={!preview?.ok || state.reply.status === 'opening'}
                onClick={() => actions.openReply({ replyAll: true })}
              >
                Open reply all
              </Button>
            </div>
          </div>
        </>
      )}
    </main>
  );
}

function TextField(props: {
  label: string;
  field: DeclineField;
  state: ReadyState;
  actions: DeclinePanelActions;
  autoFocus?: boolean;
}) {
  const { label, field, state, actions, autoFocus } = props;
  return (
    <FormField label={label}>
      {(control) => (
        <Input
          {...control}
          autoFocus={autoFocus}
          value={state.fields[field]}
          onChange={(_event, data) => actions.changeField(field, data.value)}
        />
      )}
    </FormField>
  );
}

const VERDICT_TITLES: Record<InvitationAnalysis['verdict'], string> = {
  invitation: 'Interview invitation',
  'interview-logistics': 'Interview logistics',
  'not-invitation': "This doesn't look like an interview invitation",
};

function VerdictSection(props: {
  analysis: InvitationAnalysis;
  /** Times the email proposes, besides a meeting request's own (shown on the Meeting line). */
  proposedTimes: string[];
  declineAnyway: boolean;
  onDeclineAnyway: () => void;
  classes: DeclinePanelClasses;
}) {
  const { analysis, proposedTimes, declineAnyway, onDeclineAnyway, classes } = props;
  const headingId = useId();
  const percent = Math.round(Math.min(1, Math.max(0, analysis.confidence)) * 100);
  return (
    <section className={classes.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={classes.heading}>
        {VERDICT_TITLES[analysis.verdict]}
      </h2>
      <span>
        {analysis.verdict === 'interview-logistics'
          ? 'It reads like details for an interview already arranged, rather than a new invitation. You can still decline below. '
          : ''}
        Confidence: {percent}%{analysis.interviewKind ? ` · ${analysis.interviewKind.replace('-', ' ')}` : ''}
      </span>
      {analysis.reasons.length > 0 && (
        <>
          <span>What Politely saw:</span>
          <ul className={classes.reasons}>
            {analysis.reasons.map((reason, index) => (
              <li key={index}>{reason}</li>
            ))}
          </ul>
        </>
      )}
      {proposedTimes.length > 0 && <span>Proposed: {proposedTimes.join('; ')}</span>}
      {analysis.verdict === 'not-invitation' && !declineAnyway && (
        <div>
          <Button onClick={onDeclineAnyway}>Decline anyway</Button>
        </div>
      )}
    </section>
  );
}

function PreviewSection(props: {
  state: ReadyState;
  preview: RenderDeclineReplyResult | null;
  meetingTime: string | null;
  classes: DeclinePanelClasses;
}) {
  const { state, preview, meetingTime, classes } = props;
  const headingId = useId();
  const recipient = state.email.fromName ?? state.email.fromEmail ?? 'the sender';
  return (
    <section className={classes.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={classes.heading}>
        Preview
      </h2>
      <div className={classes.previewContext}>
        <div>
          To {recipient} · {replySubject(state.email.subject)}
        </div>
        {meetingTime && <div>Declining the meeting request for {meetingTime}</div>}
        {preview?.ok && <div>Suggested subject, if you change it in Outlook: {preview.reply.subject}</div>}
      </div>
      {preview && !preview.ok ? (
        <div role="alert">
          <Notice intent="error">{preview.error.message}</Notice>
        </div>
      ) : (
        <div className={classes.preview} data-testid="reply-preview">
          {splitParagraphs(state.text).map((lines, index) => (
            <p key={index}>
              {lines.map((line, lineIndex) => (
                <span key={lineIndex}>
                  {lineIndex > 0 && <br />}
                  {line}
                </span>
              ))}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}

function ReplyStatusMessage({
  state,
  onDismiss,
  onRetry,
}: {
  state: ReadyState;
  onDismiss: () => void;
  onRetry: () => void;
}) {
  const { reply } = state;
  return (
    <div role="status">
      {reply.status === 'opened' && (
        <Notice intent="success">
          {reply.replyAll ? 'Reply-all opened in Outlook.' : 'Reply opened in Outlook.'} Check it, then press
          Send.
        </Notice>
      )}
      {reply.status === 'opened' && reply.notTrackedReason && (
        <Notice intent="warning" actions={<Button onClick={onRetry}>Retry with tracking</Button>}>
          Not tracked: {reply.notTrackedReason} The reply opened without a tracking image. To track it, close
          that reply and retry.
        </Notice>
      )}
      {reply.status === 'failed' && (
        <Notice
          intent="error"
          title="The reply didn't open"
          actions={<Button onClick={onDismiss}>Dismiss</Button>}
        >
          {reply.message}
        </Notice>
      )}
    </div>
  );
}
