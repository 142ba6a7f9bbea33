/**
 * Announces a new open while the pane shows another view: follows the account's live events (only once
 * the mailbox has a tracker key, so nothing registers an account just to listen) and yields the latest
 * notice, which hides itself after `noticeMs`.
 */
import { useEffect, useState } from 'react';
import type { SettingsService } from '../settings/settings-service';
import { useSettings } from '../settings/useSettings';
import type { TrackerClient } from '../tracker-client/tracker-client';
import { describeLiveHit } from './describe-tracker-event';

export interface LiveOpenNotice {
  serial: number;
  text: string;
}

export function useLiveOpenNotice(
  client: TrackerClient,
  settings: SettingsService,
  options: { enabled: boolean; noticeMs?: number },
): { notice: LiveOpenNotice | null; dismiss(): void } {
  const { apiKey, trackerUrl } = useSettings(settings);
  const [notice, setNotice] = useState<LiveOpenNotice | null>(null);
  const { enabled, noticeMs = 8_000 } = options;
  const listening = enabled && apiKey !== null;

  useEffect(() => {
    if (!listening) return;
    let active = true;
    const subscription = client.subscribe({
      onHit(hit) {
        if (hit.source !== 'human' && hit.source !== 'proxy') return;
        client.getTracker(hit.trackerId).then(
          (tracker) => {
            const text = describeLiveHit(hit, tracker);
            if (active && text) setNotice((previous) => ({ serial: (previous?.serial ?? 0) + 1, text }));
          },
          () => {
            // A tracker deleted meanwhile has nothing to announce.
          },
        );
      },
    });
    return () => {
      active = false;
      subscription.close();
    };
  }, [client, listening, trackerUrl]);

  useEffect(() => {
    if (!enabled) setNotice(null);
  }, [enabled]);

  const serial = notice?.serial;
  useEffect(() => {
    if (serial === undefined) return;
    const timer = setTimeout(() => setNotice(null), noticeMs);
    return () => clearTimeout(timer);
  }, [serial, noticeMs]);

  return { notice, dismiss: () => setNotice(null) };
}
