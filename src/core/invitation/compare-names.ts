/**
 * Decides whether two ways of writing a person's name could mean the same person ("Jordan" and
 * "Jordan Lee", "Mr. Kowalski" and "Marek Kowalski", "Chen, Sarah" and "Sarah Chen").
 */

function tokens(name: string, honorifics: ReadonlySet<string>): string[] {
  return name
    .replace(/<[^>]*>/g, ' ')
    .replace(/["“”()]/g, ' ')
    .split(/[\s,]+/)
    .map((token) => token.toLowerCase().replace(/[.'’]+$/, ''))
    .filter((token) => token.length > 0 && !honorifics.has(token));
}

export function namesMatch(a: string, b: string, honorifics: ReadonlySet<string>): boolean {
  const left = tokens(a, honorifics);
  const right = tokens(b, honorifics);
  if (left.length === 0 || right.length === 0) return false;
  if (left.length === 1 || right.length === 1) {
    const single = (left.length === 1 ? left : right)[0];
    const other = left.length === 1 ? right : left;
    return other.includes(single ?? '');
  }
  const sortedLeft = [...left].sort().join(' ');
  const sortedRight = [...right].sort().join(' ');
  return (
    sortedLeft === sortedRight || (left[0] === right[0] && left[left.length - 1] === right[right.length - 1])
  );
}
