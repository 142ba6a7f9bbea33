import { Button, Field, Input, Select, Switch, Text } from '@fluentui/react-components';
import type { FormEvent } from 'react';
import type { DeclineReasonId } from '../../core/decline/decline-reasons';
import type { SettingsForm } from './useSettingsForm';
import { useSettingsViewStyles } from './useSettingsViewStyles';

export interface ReasonOption {
  id: DeclineReasonId;
  label: string;
}

export interface SettingsViewProps {
  form: SettingsForm;
  reasons: readonly ReasonOption[];
  /** The name Outlook gives, shown as the placeholder of "Your name". */
  displayName: string | null;
}

/** Render-only: the settings form, bound to `useSettingsForm`. */
export function SettingsView({ form, reasons, displayName }: SettingsViewProps) {
  const styles = useSettingsViewStyles();
  const { draft, save } = form;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit();
  };
  return (
    <form className={styles.form} aria-label="Settings" onSubmit={onSubmit} noValidate>
      <Field hint="Adds a 1×1 image from your tracker to each reply. When the recipient’s mail app loads it, Tracked declines shows the reply as opened. If their mail app blocks images, no open is seen.">
        <Switch
          label="Track when my reply is opened"
          checked={draft.trackOpens}
          onChange={(_e, data) => form.setField('trackOpens', data.checked)}
        />
      </Field>
      <Field
        label="Your name"
        hint={
          displayName
            ? `Signs your replies. Leave blank to use your Outlook name, ${displayName}.`
            : 'Signs your replies.'
        }
      >
        <Input
          value={draft.yourName}
          placeholder={displayName ?? ''}
          maxLength={200}
          onChange={(_e, data) => form.setField('yourName', data.value)}
        />
      </Field>
      <Field label="Default decline reason" hint="The reason a new reply starts with.">
        <Select
          className={styles.select}
          value={draft.defaultReasonId ?? ''}
          onChange={(_e, data) =>
            form.setField('defaultReasonId', data.value === '' ? null : (data.value as DeclineReasonId))
          }
        >
          <option value="">No default: the first reason</option>
          {reasons.map((reason) => (
            <option key={reason.id} value={reason.id}>
              {reason.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Tracker URL"
        hint="The Politely tracking server that records opens of your replies."
        validationState={form.trackerUrlError ? 'error' : form.willForgetKey ? 'warning' : 'none'}
        validationMessage={
          form.trackerUrlError ??
          (form.willForgetKey
            ? 'Saving forgets the key for the current tracker; Politely creates a new account on this one. Declines tracked on the old tracker no longer show here.'
            : undefined)
        }
      >
        <Input
          type="url"
          value={draft.trackerUrl}
          onChange={(_e, data) => form.setField('trackerUrl', data.value)}
        />
      </Field>
      <Text className={styles.note} size={200}>
        {form.hasApiKey
          ? 'Your tracker API key is stored with this mailbox’s add-in settings (Outlook roaming settings), so it follows you to other computers. Anyone who can use this mailbox’s add-ins can use the key.'
          : 'No tracker API key yet. Politely creates an account on the tracker when you first send a tracked reply, and stores its key with this mailbox’s add-in settings (Outlook roaming settings).'}
      </Text>
      {save.kind === 'failed' && (
        <Text role="alert" className={styles.error}>
          {save.message}
        </Text>
      )}
      {save.kind === 'saved' && (
        <Text role="status" className={styles.success}>
          Settings saved.
        </Text>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={!form.isDirty || save.kind === 'saving'}>
          {save.kind === 'saving' ? 'Saving…' : 'Save settings'}
        </Button>
        <Button type="button" onClick={form.revert} disabled={!form.isDirty || save.kind === 'saving'}>
          Undo changes
        </Button>
      </div>
    </form>
  );
}
