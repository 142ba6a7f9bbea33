/** Splits a typed "From" line — `Dana Whitfield <dana@example.com>`, `dana@example.com` or `Dana` — into parts. */
export function parseFromLine(line: string): { name: string | null; email: string | null } {
  const trimmed = line.trim();
  const angled = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(trimmed);
  if (angled) return { name: unquote(angled[1] ?? '') || null, email: angled[2] ?? null };
  if (/^[^\s@<>]+@[^\s@<>]+$/.test(trimmed)) return { name: null, email: trimmed };
  return { name: unquote(trimmed) || null, email: null };
}

function unquote(name: string): string {
  return name
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
}
