import { meetingStartLabel } from '../../core/invitation/meeting-start-label';
import type { MeetingRequestDetails } from '../../core/invitation/email-input';

/**
 * The proposed times to list under the verdict. A meeting request's own time is left out: the analysis
 * names it in UTC, while the pane already shows it, with its end and location, in the user's local time on
 * the Meeting line.
 */
export function otherProposedTimes(
  proposedTimes: readonly string[],
  meeting: MeetingRequestDetails | null | undefined,
): string[] {
  const ownTime = meeting ? meetingStartLabel(meeting.start, meeting.end) : null;
  return proposedTimes.filter((time) => time !== ownTime);
}
