/** The subject Outlook gives a reply: the original with one "RE: " in front. */
export function replySubject(subject: string | null): string {
  const original = (subject ?? '').trim();
  return /^re:/i.test(original) ? original : `RE: ${original}`.trim();
}
