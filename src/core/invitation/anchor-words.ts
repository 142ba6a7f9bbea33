/**
 * A cheap gate in front of the phrase scanners. Each phrase pattern gets, once per table, the set of words
 * one of which every match must contain ("anchor" words, derived from the regex source where that is
 * provably safe). Each region of text is tokenised once into its set of words; a pattern whose anchors
 * are all absent cannot match, so it is left out of the scan. Results are identical with or without the
 * gate: a removed alternative could not have matched at any position, so the alternation finds the same
 * matches in the same order.
 */

import { compileGroup, findSignals, type CompiledGroup, type SignalHit } from './compile-signals';
import type { InvitationSignalTable, PhraseSignal, SignalGroup } from './signals/signal-table';

/** More expanded branches than this and the pattern runs unconditionally (no anchor). */
const MAX_BRANCHES = 256;

const WORD_CHAR = /[A-Za-z0-9_]/;
/** Literal characters (outside a class) that are not word characters and not regex syntax. */
const LITERAL_SEPARATORS = new Set([...' -,:;\'"&/@#%!<>=~’‘“”–—']);
/** Characters a character class may hold and still be known to match only non-word characters. */
const CLASS_SEPARATORS = new Set([...' -,:;\'"&/@#%!<>=~’‘“”–—.()|+?*{}$']);

/**
 * Walks a pattern source from `from`, handing `visit` each `(`, `)` and `|` outside escapes and character
 * classes, until `visit` returns true. Resolves false when the source ends inside a character class.
 */
function walkStructure(source: string, from: number, visit: (c: string, index: number) => boolean): boolean {
  let inClass = false;
  for (let i = from; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if ((c === '(' || c === ')' || c === '|') && visit(c, i)) {
      return true;
    }
  }
  return !inClass;
}

/** The index of the `)` closing the group opened at `open`, or -1. Skips escapes and classes. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let found = -1;
  walkStructure(source, open, (c, i) => {
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) found = i;
    return found >= 0;
  });
  return found;
}

/** Splits a source at its top-level `|`, or returns null when brackets are unbalanced. */
function splitAlternatives(source: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const complete = walkStructure(source, 0, (c, i) => {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
    return depth < 0;
  });
  if (!complete || depth !== 0) return null;
  parts.push(source.slice(start));
  return parts;
}

/**
 * The key under which `indexWords` also files every word that starts with a digit, the anchor of patterns
 * that start with `\\d` ("\\d+ minutes"). No real word holds a backslash, so it cannot clash with one.
 */
export const DIGIT_WORD = '\\d';

function isQuantifier(c: string): boolean {
  return c === '?' || c === '*' || c === '+' || c === '{';
}

/** True when a quantifier after a separator could let it match nothing (`?`, `*`, `{0,…}`). */
function mayBeSkipped(source: string, at: number): boolean {
  const c = source.charAt(at);
  return c === '?' || c === '*' || c === '{';
}

/** True unless the quantifier at `at` (if any) demands at least one repetition: none, `+` or `{1…`. */
function mayRepeatZeroTimes(source: string, at: number): boolean {
  const c = source.charAt(at);
  return c === '?' || c === '*' || (c === '{' && !/^\{[1-9]/.test(source.slice(at, at + 2)));
}

/** The members of a character class made only of ASCII letters and digits ("[sz]"), or null. */
function letterClassMembers(body: string): string[] | null {
  if (body.length === 0 || !/^[A-Za-z0-9]+$/.test(body)) return null;
  return [...new Set([...body.toLowerCase()])];
}

interface Budget {
  branches: number;
}

/**
 * Reads the first word of every string `branch` can match, given the `word` characters already read, and
 * adds it to `words`. Returns false when it cannot prove what that word is.
 */
function leadingWord(branch: string, word: string, words: Set<string>, budget: Budget): boolean {
  if (++budget.branches > MAX_BRANCHES) return false;
  let i = 0;
  let current = word;
  const complete = (): boolean => {
    if (current.length === 0) return false;
    words.add(current);
    return true;
  };
  while (i < branch.length) {
    const c = branch.charAt(i);
    if (WORD_CHAR.test(c)) {
      const next = branch.charAt(i + 1);
      if (next === '?') {
        // An optional letter: both spellings, each read on.
        const rest = branch.slice(i + 2);
        return (
          leadingWord(rest, current + c.toLowerCase(), words, budget) &&
          leadingWord(rest, current, words, budget)
        );
      }
      if (isQuantifier(next)) return false;
      current += c.toLowerCase();
      i++;
      continue;
    }
    if (c === '(') {
      const close = closingParen(branch, i);
      if (close < 0) return false;
      const head = branch.slice(i, i + 4);
      if (head.startsWith('(?=') || head.startsWith('(?!') || head === '(?<=' || head === '(?<!') {
        // A zero-width assertion only narrows the matches; the words they contain are unchanged.
        i = close + 1;
        if (isQuantifier(branch.charAt(i))) return false;
        continue;
      }
      if (!head.startsWith('(?:')) return false;
      const alternatives = splitAlternatives(branch.slice(i + 3, close));
      if (alternatives === null) return false;
      let rest = branch.slice(close + 1);
      if (rest.startsWith('?')) {
        alternatives.push('');
        rest = rest.slice(rest.startsWith('??') ? 2 : 1);
      }
      if (isQuantifier(rest.charAt(0))) return false;
      return alternatives.every((alternative) => leadingWord(alternative + rest, current, words, budget));
    }
    if (c === '\\') {
      const escaped = branch.charAt(i + 1);
      if (escaped === 'd') {
        // A word that starts with a digit ("30 minutes"): filed under DIGIT_WORD, whatever follows.
        if (current.length > 0 || mayRepeatZeroTimes(branch, i + 2)) return false;
        words.add(DIGIT_WORD);
        return true;
      }
      if (escaped === 'b') {
        if (current.length === 0) {
          i += 2;
          continue;
        }
        return complete();
      }
      const separator =
        escaped === 's' || escaped === 'W' || (escaped !== '' && !/[A-Za-z0-9]/.test(escaped));
      if (!separator || /[^\x20-\x7e]/.test(escaped) || mayBeSkipped(branch, i + 2)) return false;
      return complete();
    }
    if (c === '[') {
      const end = branch.indexOf(']', i + 1);
      if (end < 0) return false;
      const letters = letterClassMembers(branch.slice(i + 1, end));
      if (letters !== null) {
        // "finali[sz]e": one spelling per member, each read on (and none when the class is optional).
        let rest = branch.slice(end + 1);
        const optional = rest.startsWith('?');
        if (optional) rest = rest.slice(rest.startsWith('??') ? 2 : 1);
        if (isQuantifier(rest.charAt(0))) return false;
        return (
          letters.every((letter) => leadingWord(rest, current + letter, words, budget)) &&
          (!optional || leadingWord(rest, current, words, budget))
        );
      }
      const members = [...branch.slice(i + 1, end)];
      if (members.length === 0 || members[0] === '^') return false;
      if (!members.every((m) => CLASS_SEPARATORS.has(m))) return false;
      // A dash between two members is a range, which could reach letters.
      if (members.slice(1, -1).includes('-')) return false;
      if (mayBeSkipped(branch, end + 1)) return false;
      return complete();
    }
    // A non-ASCII character ("résumé") ends a word too: `\\b` and the index count only `[A-Za-z0-9_]` as word
    // characters, and with `i` but not `u` a non-ASCII character never matches an ASCII one.
    if (LITERAL_SEPARATORS.has(c) || c.charCodeAt(0) >= 0x80) {
      if (branch.charAt(i + 1) === '?' && branch.charAt(i + 2) !== '?') {
        // An optional separator ("on-?site"): the word ends at it, or runs on without it.
        return complete() && leadingWord(branch.slice(i + 2), current, words, budget);
      }
      if (mayBeSkipped(branch, i + 1)) return false;
      return complete();
    }
    // `.`, `^`, `$` or anything else: the word's end or start is not known.
    return false;
  }
  // The end of the pattern: the group is closed by `\b`, so the word ends here too.
  return complete();
}

/**
 * The lower-case words one of which every match of `source` must contain as a whole word, when the pattern
 * is matched as `\b(?:source)\b` with the `i` flag and without `u`/`v`; null when that cannot be proved (then
 * the pattern always runs). Handles literal words, alternations of them (at the top level or in `(?:…)`,
 * optional ones included), optional letters, classes of letters ("[sz]"), a leading `\d` (the word then is
 * DIGIT_WORD) and leading lookarounds; refuses other character classes that may match letters, `\w`, a `\d`
 * inside a word, `.`, repeated words, inline flags and non-ASCII letters.
 */
export function deriveAnchorWords(source: string, flags = 'gi'): string[] | null {
  if (/[uv]/.test(flags)) return null;
  const branches = splitAlternatives(source);
  if (branches === null) return null;
  const words = new Set<string>();
  const budget = { branches: 0 };
  for (const branch of branches) {
    if (!leadingWord(branch, '', words, budget)) return null;
  }
  return words.size > 0 ? [...words] : null;
}

/** The index of the `(` that opens the group closed at `close`, or -1 (also when `close` is escaped). */
function openingParen(source: string, close: number): number {
  const open: number[] = [];
  let found = -1;
  walkStructure(source, 0, (c, i) => {
    if (c === '(') open.push(i);
    else if (c === ')') {
      const start = open.pop();
      if (i === close) found = start ?? -1;
    }
    return i >= close;
  });
  return found;
}

/** True when the odd number of backslashes before `at` escapes the character there. */
function isEscaped(source: string, at: number): boolean {
  let count = 0;
  for (let i = at - 1; i >= 0 && source.charAt(i) === '\\'; i--) count++;
  return count % 2 === 1;
}

/**
 * True when every string the pattern text `prefix` matches ends in whitespace, so a word matched right
 * after it starts a word of its own: a literal space, `\\s`, `\\s+`, a group all of whose alternatives do
 * (repeated at least once, or else also preceded by such a prefix), or a lookaround after such a prefix.
 */
function endsInWhitespace(prefix: string, depth = 0): boolean {
  if (depth > 8 || prefix.length === 0) return false;
  if (prefix.endsWith(' ')) return true;
  if (prefix.endsWith('\\s') && !isEscaped(prefix, prefix.length - 2)) return true;
  if (prefix.endsWith('\\s+') && !isEscaped(prefix, prefix.length - 3)) return true;
  const quantified = /\)(\{(\d+)(?:,\d*)?\}|[+*?])?\??$/.exec(prefix);
  if (quantified === null) return false;
  const close = quantified.index;
  if (isEscaped(prefix, close)) return false;
  const open = openingParen(prefix, close);
  if (open < 0) return false;
  const head = prefix.slice(open, open + 4);
  const before = prefix.slice(0, open);
  if (head.startsWith('(?=') || head.startsWith('(?!') || head === '(?<=' || head === '(?<!') {
    return quantified[1] === undefined && endsInWhitespace(before, depth + 1);
  }
  if (!head.startsWith('(?:')) return false;
  const alternatives = splitAlternatives(prefix.slice(open + 3, close));
  if (alternatives === null || !alternatives.every((a) => endsInWhitespace(a, depth + 1))) return false;
  const quantifier = quantified[1];
  const mayBeAbsent = quantifier === '?' || quantifier === '*' || quantified[2] === '0';
  return !mayBeAbsent || endsInWhitespace(before, depth + 1);
}

/** True when what `prefix` matches ends in whitespace, or it is empty: the start of the match, a `\\b`. */
function startsWord(prefix: string): boolean {
  if (prefix.endsWith('\\b') && !isEscaped(prefix, prefix.length - 2)) return true;
  return prefix.length === 0 || endsInWhitespace(prefix);
}

/** The spellings of a literal word with optional letters ("calls?" → call, calls), or null. */
function spellings(word: string): string[] | null {
  if (!/^[A-Za-z](?:[A-Za-z]\??)*$/.test(word)) return null;
  let found = [''];
  for (let i = 0; i < word.length; i++) {
    const letter = word.charAt(i).toLowerCase();
    if (word.charAt(i + 1) === '?') {
      found = found.flatMap((start) => [start + letter, start]);
      i++;
    } else {
      found = found.map((start) => start + letter);
    }
    if (found.length > 16) return null;
  }
  return found;
}

/** True when the pattern text at `at` surely matches a whitespace character (or `at` is the branch's end). */
function wordEndsAt(branch: string, at: number, depth = 0): boolean {
  if (at === branch.length) return true;
  const next = (from: number): string => branch.charAt(from);
  if (next(at) === ' ') return !'?*{'.includes(next(at + 1)) || next(at + 1) === '';
  // An explicit boundary: what follows is not a word character.
  if (branch.startsWith('\\b', at)) return true;
  if (branch.startsWith('\\s', at)) return !'?*{'.includes(next(at + 2)) || next(at + 2) === '';
  if (NON_WORD_LITERALS.has(next(at))) {
    // "client," ends the word; "client,? is" too, whether the comma is there or not.
    if (next(at + 1) === '?' && depth < 4) return wordEndsAt(branch, at + 2, depth + 1);
    return next(at + 1) === '' || !'?*{'.includes(next(at + 1));
  }
  return false;
}

/** Literal characters outside a class that are never word characters and never regex syntax. */
const NON_WORD_LITERALS = new Set([...',:;!\'"@&/-–—’‘“”']);

/**
 * The words of a mandatory element of `branch` at its top level, one of which every match contains as a
 * whole word: a literal word, or a group of alternatives that each start with a literal word, with
 * whitespace (or the match's start) before it and whitespace (or the match's end) after it. Every such
 * element, in order: each match holds a word of each.
 */
function requiredElementsOf(branch: string): string[][] {
  const found: string[][] = [];
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < branch.length; i++) {
    const c = branch.charAt(i);
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === ')') {
      depth--;
      continue;
    }
    if (depth > 0) {
      if (c === '(') depth++;
      continue;
    }
    if (c === '(') {
      const close = closingParen(branch, i);
      if (close < 0) return found;
      if (branch.startsWith('(?:', i) && startsWord(branch.slice(0, i)) && wordEndsAt(branch, close + 1)) {
        const alternatives = splitAlternatives(branch.slice(i + 3, close));
        const words = alternatives?.map((alternative) => {
          const head = /^[A-Za-z?]+/.exec(alternative)?.[0];
          return head === undefined || !wordEndsAt(alternative, head.length) ? null : spellings(head);
        });
        if (words !== undefined && words.length > 0 && words.every((w) => w !== null)) {
          found.push(words.flat() as string[]);
        }
      }
      i = close;
      continue;
    }
    if (/[A-Za-z]/.test(c) && (i === 0 || branch.charAt(i - 1) === ' ' || startsWord(branch.slice(0, i)))) {
      let end = i;
      while (end < branch.length && /[A-Za-z?]/.test(branch.charAt(end))) end++;
      const words = spellings(branch.slice(i, end));
      if (words !== null && startsWord(branch.slice(0, i)) && wordEndsAt(branch, end)) found.push(words);
      i = end - 1;
    }
  }
  return found;
}

/**
 * Words one of which every match of `source` (matched as `\\b(?:source)\\b` with the `i` flag, without
 * `u`/`v`) contains as a whole word: per top-level branch, its last mandatory literal word or group of
 * literal-word alternatives (their first words) between whitespace (see requiredElementsOf). Null when that
 * cannot be proved for every branch. A match then starts no later than the last such word in the text.
 */
export function deriveRequiredWords(source: string, flags = 'gi'): string[] | null {
  if (/[uv]/.test(flags)) return null;
  const branches = splitAlternatives(source);
  if (branches === null) return null;
  const words = new Set<string>();
  for (const branch of branches) {
    const found = requiredElementsOf(branch).pop();
    if (found === undefined) return null;
    for (const word of found) words.add(word);
  }
  return words.size > 0 ? [...words] : null;
}

/**
 * Sets of words such that every match of `source` holds a word of each set (see deriveRequiredWords): all
 * the mandatory elements of a single top-level branch, or one set (each branch's last) for several.
 * A match then starts no later than the last occurrence of a word of any one set, so the rarest bounds it.
 */
export function deriveRequiredWordSets(source: string, flags = 'gi'): string[][] | null {
  const sets = allRequiredWordSets(source, flags);
  if (sets === null) return null;
  // Any of the sets bounds the matches; a few small ones are cheap to look up and bound them best.
  const small = sets.filter((set) => set.length <= MAX_REQUIRED_SET).sort((a, b) => a.length - b.length);
  return small.length > 0 ? small.slice(0, MAX_REQUIRED_SETS) : null;
}

/** Required-word sets larger than this are not looked up (a long list of role nouns bounds little). */
const MAX_REQUIRED_SET = 16;
const MAX_REQUIRED_SETS = 3;

function allRequiredWordSets(source: string, flags: string): string[][] | null {
  if (/[uv]/.test(flags)) return null;
  const branches = splitAlternatives(source);
  if (branches === null) return null;
  if (branches.length > 1) {
    const union = deriveRequiredWords(source, flags);
    return union === null ? null : [union];
  }
  const elements = requiredElementsOf(branches[0] ?? '');
  return elements.length > 0 ? elements : null;
}

/**
 * Like deriveAnchorWords, for a pattern matched as `\\b` + `source` with no closing boundary (a phrase that
 * runs on into a capture). Only a single top-level branch is accepted, and reaching the end of the source
 * inside the first word refuses (the `.` sentinel), since nothing then says where that word ends.
 */
export function deriveLeadingAnchorWords(source: string, flags = 'gi'): string[] | null {
  const branches = splitAlternatives(source);
  if (branches === null || branches.length !== 1) return null;
  return deriveAnchorWords(`${source}.`, flags);
}

/**
 * Where each word of a text starts: lower-cased `[A-Za-z0-9_]` runs, exactly the words `\\b` separates.
 * Words that start with a digit are also listed under DIGIT_WORD.
 */
export type WordIndex = ReadonlyMap<string, readonly number[]>;

/** Every word of `text` with where it starts, built in full (the reference behaviour of a WordIndex). */
function allWords(text: string): Map<string, number[]> {
  const words = new Map<string, number[]>();
  const digitWords: number[] = [];
  let start = -1;
  let upper = false;
  // One pass over the char codes; a run is lower-cased only when it holds a capital.
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    const isUpper = code >= 65 && code <= 90;
    const isWord = isUpper || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;
    if (isWord) {
      if (start < 0) start = i;
      if (isUpper) upper = true;
    } else if (start >= 0) {
      const raw = text.slice(start, i);
      const word = upper ? raw.toLowerCase() : raw;
      const positions = words.get(word);
      if (positions) positions.push(start);
      else words.set(word, [start]);
      const first = text.charCodeAt(start);
      if (first >= 48 && first <= 57) digitWords.push(start);
      start = -1;
      upper = false;
    }
  }
  if (digitWords.length > 0) words.set(DIGIT_WORD, digitWords);
  return words;
}

/**
 * Every anchor word of every gated group gets a small number, so a text is read once for all of them
 * (`TextWords`) and each signal then checks its anchors with array reads instead of map look-ups.
 */
const anchorNumbers = new Map<string, number>();
const anchorWords: string[] = [];

/**
 * The anchor words by a hash of their letters, in an open-addressing table of typed arrays (a look-up per
 * word of text must cost next to nothing): `slotNumber` holds an anchor's number + 1 (0 = empty) and
 * `slotHash` its hash. Words sharing a hash sit in successive slots; spelling decides.
 */
let slotNumber = new Int32Array(1024);
let slotHash = new Int32Array(1024);

function placeInSlots(number: number, hash: number): void {
  const mask = slotNumber.length - 1;
  let slot = hash & mask;
  while (slotNumber[slot] !== 0) slot = (slot + 1) & mask;
  slotNumber[slot] = number + 1;
  slotHash[slot] = hash;
}

function wordHash(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

/**
 * Hash step over lower-cased char codes, the same for an anchor word and a run of text. Kept to 30 bits so
 * the engine stores it as a small integer: a map keyed by larger numbers boxes each one.
 */
function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) & 0x3fffffff;
}

function anchorNumber(word: string): number {
  let number = anchorNumbers.get(word);
  if (number === undefined) {
    number = anchorNumbers.size;
    anchorNumbers.set(word, number);
    anchorWords.push(word);
    if (2 * anchorWords.length > slotNumber.length) {
      // Keep the table at most half full, so runs of taken slots stay short.
      slotNumber = new Int32Array(2 * slotNumber.length);
      slotHash = new Int32Array(slotNumber.length);
      anchorWords.forEach((known, n) => {
        if (known !== DIGIT_WORD) placeInSlots(n, wordHash(known));
      });
    } else if (word !== DIGIT_WORD) {
      placeInSlots(number, wordHash(word));
    }
  }
  return number;
}

/** True when the run `text[start, end)` is `word` once its capitals are lower-cased. */
function runSpells(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    let code = text.charCodeAt(start + i);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== word.charCodeAt(i)) return false;
  }
  return true;
}

const NO_POSITIONS: readonly number[] = [];

/** True for the char code of a word character (`[A-Za-z0-9_]`, what `\\b` and the index separate); NaN is not. */
function isWordCode(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95
  );
}

/**
 * The word index of one text. Reading it for the anchor words (`anchorPositions`) costs one pass over the
 * text without building a string per word; the full map of every word is built only if asked for.
 */
class TextWords implements WordIndex {
  /** Anchor numbers below this were known when the text was read; later ones are looked up in full. */
  readonly knownAnchors: number;
  /** 1 where the numbered anchor word occurs. */
  readonly present: Uint8Array;
  private readonly positions: (number[] | undefined)[];
  private full: Map<string, number[]> | null = null;

  /**
   * Reads `text`, or, given `longer` (indexed with the same anchors, and starting with `text`), takes its
   * entries that lie wholly inside `text` and reads only the word the end of `text` cuts, if any.
   */
  constructor(
    readonly text: string,
    longer?: TextWords,
  ) {
    this.knownAnchors = anchorNumbers.size;
    this.present = new Uint8Array(this.knownAnchors);
    this.positions = new Array<number[] | undefined>(this.knownAnchors);
    if (longer === undefined) this.readWords(0);
    else this.readPrefixOf(longer);
  }

  /** Files every anchor word (and digit word) of the text from `from`, which starts a word or a gap. */
  private readWords(from: number): void {
    const text = this.text;
    const digitNumber = anchorNumbers.get(DIGIT_WORD);
    const numbers = slotNumber;
    const hashes = slotHash;
    const mask = numbers.length - 1;
    let start = -1;
    let hash = 0;
    for (let i = from; i <= text.length; i++) {
      let code = i < text.length ? text.charCodeAt(i) : 0;
      if (code >= 65 && code <= 90) code += 32;
      const isWord = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;
      if (isWord) {
        if (start < 0) {
          start = i;
          hash = 0;
        }
        hash = hashStep(hash, code);
      } else if (start >= 0) {
        for (let slot = hash & mask; numbers[slot] !== 0; slot = (slot + 1) & mask) {
          if (hashes[slot] !== hash) continue;
          const number = (numbers[slot] ?? 0) - 1;
          if (runSpells(text, start, i, anchorWords[number] ?? '')) this.add(number, start);
        }
        const first = text.charCodeAt(start);
        if (digitNumber !== undefined && first >= 48 && first <= 57) this.add(digitNumber, start);
        start = -1;
      }
    }
  }

  /**
   * `longer` starts with this text. A word of `longer` that ends within this text is the same word here,
   * at the same place; the one word that runs past this text's end (if any) is cut here, so it is read again.
   */
  private readPrefixOf(longer: TextWords): void {
    const end = this.text.length;
    let cut = end;
    if (isWordCode(longer.text.charCodeAt(end))) {
      while (cut > 0 && isWordCode(this.text.charCodeAt(cut - 1))) cut--;
    }
    const digitNumber = anchorNumbers.get(DIGIT_WORD);
    for (let number = 0; number < this.knownAnchors; number++) {
      const list = longer.positions[number];
      if (list === undefined) continue;
      // A digit word keeps its start when cut, but it is read again with the cut word below.
      const limit = number === digitNumber ? cut - 1 : end - (anchorWords[number] ?? '').length;
      for (const start of list) {
        if (start > limit) break;
        this.add(number, start);
      }
    }
    if (cut < end) this.readWords(cut);
  }

  private add(number: number, start: number): void {
    const list = this.positions[number];
    if (list) list.push(start);
    else this.positions[number] = [start];
    this.present[number] = 1;
  }

  /** Where the numbered anchor word starts, ascending; empty when it does not occur. */
  anchorPositions(number: number): readonly number[] {
    if (number < this.knownAnchors) return this.positions[number] ?? NO_POSITIONS;
    return this.map().get(anchorWords[number] ?? '') ?? NO_POSITIONS;
  }

  /** True when the numbered anchor word occurs. */
  hasAnchor(number: number): boolean {
    return number < this.knownAnchors ? this.present[number] === 1 : this.anchorPositions(number).length > 0;
  }

  private map(): Map<string, number[]> {
    this.full ??= allWords(this.text);
    return this.full;
  }

  get size(): number {
    return this.map().size;
  }
  get(word: string): readonly number[] | undefined {
    return this.map().get(word);
  }
  has(word: string): boolean {
    return this.map().has(word);
  }
  forEach(
    callback: (positions: readonly number[], word: string, map: WordIndex) => void,
    thisArg?: unknown,
  ): void {
    this.map().forEach((positions, word) => callback.call(thisArg, positions, word, this));
  }
  entries(): MapIterator<[string, readonly number[]]> {
    return this.map().entries();
  }
  keys(): MapIterator<string> {
    return this.map().keys();
  }
  values(): MapIterator<readonly number[]> {
    return this.map().values();
  }
  [Symbol.iterator](): MapIterator<[string, readonly number[]]> {
    return this.map()[Symbol.iterator]();
  }
}

/** Numbers for anchor words, so `anchorPositionsIn` can read them from a text indexed after this call. */
export function numberAnchorWords(words: readonly string[]): number[] {
  return words.map(anchorNumber);
}

/** The ascending start positions of each numbered anchor word that occurs in `words` (empty lists left out). */
export function anchorPositionsIn(words: WordIndex, numbers: readonly number[]): (readonly number[])[] {
  const lists: (readonly number[])[] = [];
  for (const number of numbers) {
    const positions =
      words instanceof TextWords
        ? words.anchorPositions(number)
        : (words.get(anchorWords[number] ?? '') ?? NO_POSITIONS);
    if (positions.length > 0) lists.push(positions);
  }
  return lists;
}

/** The words of `text` (see WordIndex); the anchor words of every gated group are found up front. */
export function indexWords(text: string): WordIndex {
  for (const known of recentlyIndexed) {
    if (known.knownAnchors !== anchorNumbers.size || known.text.length < text.length) continue;
    if (known.text === text) return known;
    // The extractor reads the head of the window the classifier has just read (~15 µs of a digest's 45).
    if (text.length >= MIN_PREFIX_CHARS && known.text.startsWith(text)) {
      return remember(new TextWords(text, known));
    }
  }
  return remember(new TextWords(text));
}

/**
 * The last few indexes built: the same text indexed again gets the same (immutable) index, and a prefix of
 * one is derived from it (see TextWords). Only the newest are kept, so a text is compared with at most these.
 */
const recentlyIndexed: TextWords[] = [];
const RECENTLY_INDEXED = 4;
/** Shorter texts are read afresh: it costs less than filtering the longer text's lists. */
const MIN_PREFIX_CHARS = 512;

function remember(words: TextWords): TextWords {
  recentlyIndexed.unshift(words);
  if (recentlyIndexed.length > RECENTLY_INDEXED) recentlyIndexed.pop();
  return words;
}

/** For a full map built elsewhere: which numbered anchor words occur in it. */
const presenceCache = new WeakMap<WordIndex, Uint8Array>();

function presentAnchors(words: WordIndex): Uint8Array {
  let present = presenceCache.get(words);
  if (present === undefined || present.length !== anchorNumbers.size) {
    present = new Uint8Array(anchorNumbers.size);
    for (const word of words.keys()) {
      const number = anchorNumbers.get(word);
      if (number !== undefined) present[number] = 1;
    }
    presenceCache.set(words, present);
  }
  return present;
}

/** One signal of a gated group: its anchors, and its own regex (sticky when anchored). */
interface GatedSignal {
  signal: PhraseSignal;
  anchors: readonly string[] | null;
  /** The anchors' numbers (see anchorNumber), in the same order. */
  anchorIds: readonly number[] | null;
  /** Sets of numbered words, every match holding a word of each (deriveRequiredWordSets), or null. */
  required: readonly (readonly number[])[] | null;
  /** Tries one position (`y`). */
  sticky: RegExp;
  /** Finds the first match from a position on (`g`). */
  global: RegExp;
}

/**
 * Above this many anchor-word occurrences, a signal is found by one forward scan rather than by trying each
 * occurrence: both give the first match from a position, and past a few dozen tries the scan is cheaper.
 */
const MAX_TRIED_POSITIONS = 128;

/** A compiled group with each signal's anchor words, or the plain alternation when the gate is off. */
export interface GatedGroup {
  full: CompiledGroup;
  gated: boolean;
  signals: GatedSignal[];
}

export function gateGroup(group: SignalGroup, gated: boolean): GatedGroup {
  const full = compileGroup(group);
  const flags = full.regex.flags.replace('g', '');
  return {
    full,
    gated,
    signals: group.signals.map((signal) => {
      const anchors = gated ? deriveAnchorWords(signal.pattern, full.regex.flags) : null;
      const required = anchors === null ? null : deriveRequiredWordSets(signal.pattern, full.regex.flags);
      // The same pattern with the same boundaries and flags as its alternative in the full group.
      const source = `\\b(?:${signal.pattern})\\b`;
      return {
        signal,
        anchors,
        anchorIds: anchors === null ? null : anchors.map(anchorNumber),
        required: required === null ? null : required.map((set) => set.map(anchorNumber)),
        sticky: new RegExp(source, `${flags}y`),
        global: new RegExp(source, `${flags}g`),
      };
    }),
  };
}

/**
 * The last place a match can start: the smallest, over the sets, of where the last word of the set starts;
 * -1 when some set has no word in the text.
 */
export function lastStartFor(
  sets: readonly (readonly number[])[],
  textWords: WordIndex | null,
  words: WordIndex,
): number {
  let bound = Infinity;
  const indexed = textWords instanceof TextWords ? textWords : null;
  for (const set of sets) {
    let last = -1;
    for (const number of set) {
      if (indexed !== null && !indexed.hasAnchor(number)) continue;
      const positions =
        indexed !== null
          ? indexed.anchorPositions(number)
          : (words.get(anchorWords[number] ?? '') ?? NO_POSITIONS);
      last = Math.max(last, positions[positions.length - 1] ?? -1);
      // This set cannot lower the bound any more.
      if (last >= bound) break;
    }
    if (last < 0) return -1;
    bound = Math.min(bound, last);
  }
  return bound;
}

/** One signal's matches, read lazily in order: the first match starting at or after a position. */
interface SignalStream {
  at: number;
  gated: GatedSignal;
  /** Start positions of each of its anchor words, each ascending; null to scan forward instead. */
  lists: (readonly number[])[] | null;
  /** Per list, the first entry not yet passed. */
  pointers: number[];
  /** No match starts after this: where the last of its required words starts (or the text's end). */
  lastStart: number;
  /** The last answer and the position it was asked for; valid for any position up to the match. */
  from: number;
  match: RegExpExecArray | null;
  done: boolean;
}

function firstMatchFrom(stream: SignalStream, text: string, position: number): RegExpExecArray | null {
  if (stream.done) return null;
  if (
    stream.from >= 0 &&
    stream.from <= position &&
    stream.match !== null &&
    stream.match.index >= position
  ) {
    return stream.match;
  }
  let match: RegExpExecArray | null = null;
  if (position > stream.lastStart) {
    match = null;
  } else if (stream.lists === null) {
    const regex = stream.gated.global;
    regex.lastIndex = position;
    match = position <= text.length ? regex.exec(text) : null;
  } else {
    // The anchor words' positions merged lazily, nearest first; each is tried once.
    const { lists, pointers } = stream;
    const regex = stream.gated.sticky;
    let from = position;
    while (match === null) {
      let nearest = -1;
      for (let l = 0; l < lists.length; l++) {
        const list = lists[l] ?? [];
        let pointer = pointers[l] ?? 0;
        while (pointer < list.length && (list[pointer] ?? 0) < from) pointer++;
        pointers[l] = pointer;
        const candidate = list[pointer];
        if (candidate !== undefined && (nearest < 0 || candidate < nearest)) nearest = candidate;
      }
      if (nearest < 0 || nearest > stream.lastStart) break;
      regex.lastIndex = nearest;
      match = regex.exec(text);
      from = nearest + 1;
    }
  }
  stream.from = position;
  stream.match = match;
  if (match === null) stream.done = true;
  return match;
}

/**
 * Exactly what `findSignals(group.full, text, limit)` returns, reading only the signals whose anchor words
 * occur in `text`. The alternation takes, from a position, the leftmost match and among matches at the same
 * place the earliest signal, then goes on after it; this merges the signals' own matches the same way. An
 * anchored signal is tried only where one of its anchor words starts, because every match of it starts there.
 */
export function findGatedSignals(
  group: GatedGroup,
  text: string,
  words: WordIndex | null,
  limit = 1000,
): SignalHit[] {
  if (!group.gated || words === null) return findSignals(group.full, text, limit);
  const hits: SignalHit[] = [];
  if (text.length === 0) return hits;
  const streams: SignalStream[] = [];
  const textWords = words instanceof TextWords ? words : null;
  const present = textWords === null ? presentAnchors(words) : textWords.present;
  const signals = group.signals;
  for (let at = 0; at < signals.length; at++) {
    const gated = signals[at] as GatedSignal;
    const numbers = gated.anchorIds;
    let lists: (readonly number[])[] | null = null;
    let lastStart = text.length;
    if (numbers !== null) {
      // Most signals have none of their anchors in the text: rule them out with array reads first.
      let occurs = false;
      for (const number of numbers) {
        if (textWords !== null ? textWords.hasAnchor(number) : present[number] === 1) {
          occurs = true;
          break;
        }
      }
      if (!occurs) continue;
      if (gated.required !== null) {
        // Every match holds a word of each set, so none starts after the last word of any one set (or at
        // all when a set has none in the text).
        lastStart = lastStartFor(gated.required, textWords, words);
        if (lastStart < 0) continue;
      }
      lists = [];
      let count = 0;
      for (const number of numbers) {
        const positions =
          textWords !== null
            ? textWords.anchorPositions(number)
            : (words.get(anchorWords[number] ?? '') ?? NO_POSITIONS);
        if (positions.length === 0) continue;
        lists.push(positions);
        count += positions.length;
      }
      if (count === 0) continue;
      if (count > MAX_TRIED_POSITIONS) lists = null;
    }
    const pointers = lists === null ? [] : lists.map(() => 0);
    streams.push({ at, gated, lists, pointers, lastStart, from: -1, match: null, done: false });
  }
  const seen: boolean[] = [];
  let position = 0;
  let scanned = 0;
  while (position <= text.length) {
    let best: RegExpExecArray | null = null;
    let bestStream: SignalStream | null = null;
    for (const stream of streams) {
      const match = firstMatchFrom(stream, text, position);
      if (match !== null && (best === null || match.index < best.index)) {
        best = match;
        bestStream = stream;
      }
    }
    if (best === null || bestStream === null) break;
    const length = best[0].length;
    if (length === 0) {
      position = best.index + 1;
      continue;
    }
    if (++scanned > limit) break;
    if (seen[bestStream.at] !== true) {
      seen[bestStream.at] = true;
      const signal = bestStream.gated.signal;
      hits.push({ signal, reason: signal.reason ?? group.full.reason, index: best.index, length });
    }
    position = best.index + length;
  }
  return hits;
}

const ungatedTables = new WeakSet<InvitationSignalTable>();

/**
 * A copy of `table` that the engine scans without the word gate: every pattern over every region, and
 * field extraction takes none of its shortcuts (anchored tries, early exits). For the equivalence test and
 * the benchmark's comparison.
 */
export function withoutWordGate(table: InvitationSignalTable): InvitationSignalTable {
  const copy = { ...table };
  ungatedTables.add(copy);
  return copy;
}

export function usesWordGate(table: InvitationSignalTable): boolean {
  return !ungatedTables.has(table);
}
