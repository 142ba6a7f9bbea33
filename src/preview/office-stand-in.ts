/**
 * A stand-in for the parts of Office.js the pane uses, backed by a `PreviewHost`: the mailbox item and its
 * body, user profile, requirement sets, reply forms, ItemChanged, OfficeThemeChanged, roamingSettings,
 * officeTheme and onReady.
 * It behaves like Outlook where the pane could tell the difference: callbacks run asynchronously with an
 * AsyncResult, a reply body over 32 KB throws, and a missing item is `null`.
 */
import { REPLY_FORM_HTML_LIMIT, ROAMING_SETTINGS_LIMIT_BYTES } from './preview-host';
import type { PreviewEmail, PreviewHost } from './preview-host';

type AsyncCallback<T> = (result: StandInAsyncResult<T>) => void;

interface StandInAsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error: { name: string; message: string; code: number } | null;
  asyncContext: unknown;
}

const ITEM_CHANGED = 'olkItemSelectedChanged';
const THEME_CHANGED = 'officeThemeChanged';
const SUPPORTED_MAILBOX_VERSION = 14;

export function createOfficeStandIn(host: PreviewHost) {
  const later = (run: () => void) => setTimeout(run, 0);
  const succeed = <T>(callback: AsyncCallback<T> | undefined, value: T) =>
    later(() => callback?.({ status: 'succeeded', value, error: null, asyncContext: undefined }));
  const fail = <T>(callback: AsyncCallback<T> | undefined, code: number, name: string, message: string) =>
    later(() =>
      callback?.({
        status: 'failed',
        value: undefined as T,
        error: { name, message, code },
        asyncContext: undefined,
      }),
    );

  /** Outlook's optional-options signature: (data, options?, callback?). */
  const callbackOf = <T>(
    optionsOrCallback: unknown,
    callback?: AsyncCallback<T>,
  ): AsyncCallback<T> | undefined =>
    typeof optionsOrCallback === 'function' ? (optionsOrCallback as AsyncCallback<T>) : callback;

  function mailboxVersionSupported(version: string | undefined): boolean {
    const minor = Number((version ?? '1.1').split('.')[1] ?? 0);
    return minor <= (host.supportsMailbox19() ? SUPPORTED_MAILBOX_VERSION : 8);
  }

  function makeItem(email: PreviewEmail) {
    const showReply = (formData: unknown, replyAll: boolean, api: string) => {
      const html =
        typeof formData === 'string'
          ? formData
          : String((formData as { htmlBody?: unknown })?.htmlBody ?? '');
      if (html.length > REPLY_FORM_HTML_LIMIT) {
        // Outlook throws rather than calling back when a string parameter exceeds its limit.
        throw new Error('The htmlBody parameter exceeds the 32 KB limit.');
      }
      host.showReply({ html, replyAll, api, inReplyTo: email });
    };
    const isMeeting = email.itemClass.startsWith('IPM.Schedule.Meeting');
    return {
      itemType: 'message',
      itemId: email.id,
      itemClass: email.itemClass,
      subject: email.subject,
      from: { displayName: email.fromName ?? '', emailAddress: email.fromEmail ?? '' },
      sender: { displayName: email.fromName ?? '', emailAddress: email.fromEmail ?? '' },
      ...(isMeeting && {
        start: email.meeting?.start ? new Date(email.meeting.start) : undefined,
        end: email.meeting?.end ? new Date(email.meeting.end) : undefined,
        location: email.meeting?.location ?? '',
      }),
      body: {
        getAsync(coercionType: string, optionsOrCallback?: unknown, callback?: AsyncCallback<string>) {
          const done = callbackOf(optionsOrCallback, callback);
          if (coercionType !== 'text' && coercionType !== 'html') {
            fail(done, 9000, 'InvalidCoercion', 'Unknown coercion type.');
            return;
          }
          succeed(done, coercionType === 'text' ? email.body : `<pre>${email.body}</pre>`);
        },
      },
      displayReplyForm: (formData: unknown) => showReply(formData, false, 'displayReplyForm'),
      displayReplyAllForm: (formData: unknown) => showReply(formData, true, 'displayReplyAllForm'),
      displayReplyFormAsync(
        formData: unknown,
        optionsOrCallback?: unknown,
        callback?: AsyncCallback<undefined>,
      ) {
        showReply(formData, false, 'displayReplyFormAsync');
        succeed(callbackOf(optionsOrCallback, callback), undefined);
      },
      displayReplyAllFormAsync(
        formData: unknown,
        optionsOrCallback?: unknown,
        callback?: AsyncCallback<undefined>,
      ) {
        showReply(formData, true, 'displayReplyAllFormAsync');
        succeed(callbackOf(optionsOrCallback, callback), undefined);
      },
    };
  }

  const stopListening = new Map<string, () => void>();
  const officeTheme = () => {
    const dark = host.theme() === 'dark';
    return {
      isDarkTheme: dark,
      bodyBackgroundColor: dark ? '#1f1f1f' : '#ffffff',
      bodyForegroundColor: dark ? '#ffffff' : '#242424',
      controlBackgroundColor: dark ? '#292929' : '#ffffff',
      controlForegroundColor: dark ? '#ffffff' : '#242424',
    };
  };
  let roaming: Record<string, unknown> = { ...host.loadRoamingSettings() };

  const mailbox = {
    get item() {
      const email = host.currentEmail();
      return email === null ? null : makeItem(email);
    },
    get userProfile() {
      const user = host.user();
      return {
        displayName: user.displayName,
        emailAddress: user.emailAddress,
        timeZone: 'UTC',
        accountType: 'enterprise',
      };
    },
    addHandlerAsync(
      eventType: string,
      handler: (event: unknown) => void,
      optionsOrCallback?: unknown,
      callback?: AsyncCallback<undefined>,
    ) {
      const done = callbackOf(optionsOrCallback, callback);
      // Like Outlook, the theme event exists only where Mailbox 1.14 does.
      const supported =
        eventType === ITEM_CHANGED || (eventType === THEME_CHANGED && mailboxVersionSupported('1.14'));
      if (!supported) {
        fail(done, 5000, 'Hosterror', `This Outlook does not raise ${eventType}.`);
        return;
      }
      stopListening.get(eventType)?.();
      const stop =
        eventType === ITEM_CHANGED
          ? host.onItemChanged(() => handler({ type: ITEM_CHANGED }))
          : host.onThemeChanged(() => handler({ type: THEME_CHANGED, officeTheme: officeTheme() }));
      stopListening.set(eventType, stop);
      succeed(done, undefined);
    },
    removeHandlerAsync(eventType: string, optionsOrCallback?: unknown, callback?: AsyncCallback<undefined>) {
      stopListening.get(eventType)?.();
      stopListening.delete(eventType);
      succeed(callbackOf(optionsOrCallback, callback), undefined);
    },
  };

  const roamingSettings = {
    get: (name: string): unknown => roaming[name],
    set: (name: string, value: unknown) => {
      roaming = { ...roaming, [name]: value };
    },
    remove: (name: string) => {
      const { [name]: _removed, ...rest } = roaming;
      roaming = rest;
    },
    saveAsync(optionsOrCallback?: unknown, callback?: AsyncCallback<undefined>) {
      const done = callbackOf(optionsOrCallback, callback);
      if (new TextEncoder().encode(JSON.stringify(roaming)).length > ROAMING_SETTINGS_LIMIT_BYTES) {
        fail(done, 9057, 'SettingsSizeExceeded', 'The settings exceed the 32 KB limit of roamingSettings.');
        return;
      }
      host.saveRoamingSettings(roaming);
      succeed(done, undefined);
    },
  };

  const context = {
    mailbox,
    roamingSettings,
    requirements: {
      isSetSupported: (name: string, version?: string) =>
        name === 'Mailbox' && mailboxVersionSupported(version),
    },
    get officeTheme() {
      return officeTheme();
    },
    displayLanguage: 'en-US',
    contentLanguage: 'en-US',
  };

  const info = { host: 'Outlook', platform: 'OfficeOnline' };
  return {
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      return new Promise<typeof info>((resolve) =>
        later(() => {
          callback?.(info);
          resolve(info);
        }),
      );
    },
    context,
    CoercionType: { Text: 'text', Html: 'html' },
    EventType: { ItemChanged: ITEM_CHANGED, OfficeThemeChanged: THEME_CHANGED },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    HostType: { Outlook: 'Outlook' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
  };
}

export type OfficeStandIn = ReturnType<typeof createOfficeStandIn>;
