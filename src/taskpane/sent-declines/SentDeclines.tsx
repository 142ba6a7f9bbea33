import { findDeclineReason } from '../../core/decline/decline-reasons';
import type { TrackerClient } from '../tracker-client/tracker-client';
import { SentDeclinesView } from './SentDeclinesView';
import { useSentDeclines, type SentDeclinesOptions } from './useSentDeclines';

export interface SentDeclinesProps extends SentDeclinesOptions {
  client: TrackerClient;
}

const reasonLabel = (template: string | null): string | null =>
  template ? (findDeclineReason(template)?.label ?? null) : null;

/** The Tracked declines tab (folder sent-declines/): loaded lazily, since not every session looks at past declines. */
export default function SentDeclines({ client, ...options }: SentDeclinesProps) {
  const model = useSentDeclines(client, options);
  return <SentDeclinesView model={model} reasonLabel={reasonLabel} />;
}
