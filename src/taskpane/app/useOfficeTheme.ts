import { useEffect, useState } from 'react';
import type { MailboxPort, PaneTheme } from '../office/mailbox-port';

/** The Office theme, read at load and followed while the pane is open where Outlook reports changes. */
export function useOfficeTheme(mailbox: MailboxPort): PaneTheme {
  const [theme, setTheme] = useState<PaneTheme>(() => mailbox.theme());
  useEffect(() => {
    if (!mailbox.onThemeChanged) return;
    let stop: (() => Promise<void>) | null = null;
    let unmounted = false;
    mailbox.onThemeChanged(setTheme).then(
      (stopListening) => {
        if (unmounted) void stopListening();
        else stop = stopListening;
      },
      () => {
        // Older Outlook doesn't report theme changes: the theme read at load stays, which is all it offers.
      },
    );
    return () => {
      unmounted = true;
      if (stop) void stop();
    };
  }, [mailbox]);
  return theme;
}
