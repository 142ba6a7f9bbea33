/**
 * Pulls the hiring manager, job title and company out of an email. Every value carries the text it came
 * from; when no source is convincing the value is null, never a guess dressed up as a fact.
 */

import {
  anchorPositionsIn,
  deriveLeadingAnchorWords,
  deriveRequiredWordSets,
  lastStartFor,
  indexWords,
  numberAnchorWords,
  usesWordGate,
  type WordIndex,
} from './anchor-words';
import { namesMatch } from './compare-names';
import type { ExtractedField, ExtractedFields } from './email-input';
import type { EmailText } from './read-email-text';
import type { FieldVocabulary } from './signals/field-vocabulary';
import { freeMailDomains, hiringPlatformDomains, hiringPlatformNames } from './signals/mail-domains';
import type { FieldPattern, InvitationSignalTable } from './signals/signal-table';

export interface FieldSources {
  subject: string;
  fromName: string;
  fromEmail: string;
  candidateName: string;
  text: EmailText;
}

/**
 * A field pattern. When the field comes first ("{company} would like to invite you"), the cue after it is
 * searched instead and the words before each cue are read back: scanning from every word for a phrase
 * that might precede a cue costs far more than finding the few cues.
 */
interface CompiledPattern {
  regex: RegExp;
  /** Set when the field precedes the cue: matches the phrase at the end of the text before a cue. */
  before: { maxWords: number } | null;
  weight: number;
  /**
   * The numbered words one of which starts every match (see anchor-words.ts), or null to scan the whole
   * text. With them, the regex is tried (sticky) only where one of those words starts: same matches.
   */
  anchors: readonly number[] | null;
  sticky: RegExp;
  /** Characters (no letters) every match contains, such as " @ ": without them in a text, no match. */
  literal: string | null;
  /** Sets of numbered words, every match holding one of each after its start ("client"), or null. */
  required: readonly (readonly number[])[] | null;
}

interface CompiledExtraction {
  /** False for a table made by withoutWordGate: every scan reads the whole text, no shortcut is taken. */
  shortcuts: boolean;
  titlePatterns: CompiledPattern[];
  /** The title patterns that end on "role"/"position" (weight ≥ ANCHORED_TITLE_WEIGHT). */
  anchoredTitlePatterns: CompiledPattern[];
  companyPatterns: CompiledPattern[];
  companyLeadPatterns: CompiledPattern[];
  selfIntroductions: RegExp[];
  /**
   * Per self-introduction, a case-insensitive regex for the words every match starts with ("my name is"),
   * or null. A match of the introduction starts with one of the words in some mix of ASCII cases, which
   * this finds in one scan, without lower-casing the text.
   */
  selfIntroductionGates: (RegExp | null)[];
  personLabel: RegExp;
  /** A line that is only a person label ("Host:"), whose value is on the next line. */
  personLabelAlone: RegExp;
  companyLabel: RegExp;
  /** "Where:", "Venue:": a place line, which may name the employer's premises ("St Mark's … School"). */
  placeLabel: RegExp | null;
  titleLabel: RegExp;
  agencyCue: RegExp;
  platformCue: RegExp;
  signOffLine: RegExp;
  nonPersonWords: Set<string>;
  roleNouns: Set<string>;
  notCompanyWords: Set<string>;
  connectors: Set<string>;
  legalSuffixes: Set<string>;
  departmentWords: string[];
  /** departmentWords as tidyCompany reads them, longest first: " talent team" and its word count. */
  departmentEndings: { spaced: string; count: number }[];
  agencyWords: string[];
  agencyStems: string[];
  placeNouns: Set<string>;
  institutionNouns: Set<string>;
  dateWords: Set<string>;
  nonTitles: Set<string>;
  nonTitleWords: Set<string>;
  companyWordsBefore: Set<string>;
  companyWordsAfter: Set<string>;
  honorifics: Set<string>;
  titleQualifiers: Set<string>;
  looseRoleNouns: Set<string>;
  titleLeadIns: Set<string>;
  businessNouns: Set<string>;
  unitWords: Set<string>;
  specialisationStopWords: Set<string>;
  /** A line that is only a title label ("Event Type:"), whose value is on the next line. */
  titleLabelAlone: RegExp;
}

const NO_FIELD_VOCABULARY: FieldVocabulary = {
  titlePatterns: [],
  companyPatterns: [],
  roleNouns: [],
  looseRoleNouns: [],
  titleLeadIns: [],
  businessNouns: [],
  unitWords: [],
  departmentWords: [],
  nameConnectors: [],
  nonTitleWords: [],
  placeLabels: [],
  titleLabels: [],
  specialisationStopWords: [],
};

const cache = new WeakMap<InvitationSignalTable, CompiledExtraction>();

/**
 * Letter classes spelled out instead of `\\p{L}`: the `u` flag those need makes V8's regex engine about
 * eight times slower on these patterns (measured), and the scripts covered here are the ones names in
 * this language's emails use.
 */
const LETTER =
  'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\u1E00-\\u1EFF';
const UPPER = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0391-\\u03A9\\u0410-\\u042F';
const WORD = `(?:[${LETTER}0-9][${LETTER}0-9'’.+#&/-]*|&)`;
/** Up to eight words (commas allowed inside, for "Software Engineer, Payments"). */
const PHRASE = `(${WORD}(?:,?[ \\t]${WORD}){0,7})`;
/** Title patterns at least this heavy end on "role"/"position" and may capture a lower-case title. */
const ANCHORED_TITLE_WEIGHT = 5;
/** Up to six words ending right before the cue that follows. */
const LEAD_PHRASE = `(${WORD}(?:[ \\t]${WORD}){0,5}?)`;
const WORD_TOKEN = new RegExp(`^${WORD}$`);
/**
 * A job title's phrase: like PHRASE, but a dash or a bracketed note may stand between words ("Business
 * Analyst - Claims Transformation", "Software Engineer – Graduate (2027) position") and the first word may
 * start with a dot (".NET Developer").
 */
const TITLE_PHRASE = `(\\.?${WORD}(?:,?[ \\t](?:${WORD}|[–—-]|\\([^()\\n]{1,40}\\))){0,7})`;

/**
 * The words right before a cue, read backwards within the clause: at most `maxWords`, stopping at the first
 * token that is not a word (punctuation, a comma). "Porto Vento, regarding the X" yields "regarding the X".
 */
function phraseBefore(text: string, end: number, maxWords: number): string {
  const window = text.slice(Math.max(0, end - 160), end);
  const tokens = window.split(/[ \t]+/);
  if (tokens[tokens.length - 1] === '') tokens.pop();
  const kept: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && kept.length < maxWords; i--) {
    const token = tokens[i] ?? '';
    const line = token.lastIndexOf('\n');
    const word = line >= 0 ? token.slice(line + 1) : token;
    if (!WORD_TOKEN.test(word)) break;
    kept.unshift(word);
    if (line >= 0 || i === 0) break;
  }
  // The window may start mid-word; a first token cut by the window is not trusted.
  if (kept.length === tokens.length && end - 160 > 0) kept.shift();
  return kept.join(' ');
}

const NAME_TOKEN = `[${UPPER}][${LETTER}'’-]*\\.?`;
const PERSON_NAME = `${NAME_TOKEN}(?:[ \\t]+(?:${NAME_TOKEN}|de|van|von|der|den|da|di|del|la|le|bin|al|ten|ter)){0,3}`;
const PERSON_REGEX = new RegExp(`^${PERSON_NAME}$`);
/** "… with Hannah Goldberg" closing a subject or one of its parts. */
const SUBJECT_HOST = new RegExp(`\\bwith[ \\t]+(${PERSON_NAME})[ \\t]*(?:$|[-–—|(@,:])`);

function escapeWords(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/**
 * Rewrites a case-insensitive pattern so it can run without the `i` flag ("my name is" → "[mM][yY] …"),
 * which lets the name captured after it demand a capital letter.
 */
function withoutCaseFlag(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      out += c + source.charAt(i + 1);
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    const upper = c.toUpperCase();
    if (/[a-z]/.test(c) && upper !== c) out += inClass ? `${c}${upper}` : `[${c}${upper}]`;
    else out += c;
  }
  return out;
}

/**
 * The longest run of literal characters without case (so the `i` flag changes nothing) that every match of
 * `source` contains: read at the top level only, outside classes and groups, dropping a character that a
 * quantifier may leave out. Null when the source has top-level alternatives or the run is a lone space.
 */
export function requiredLiteral(source: string): string | null {
  let best = '';
  let run = '';
  let depth = 0;
  let inClass = false;
  const close = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (inClass) {
      if (c === '\\') i++;
      else if (c === ']') inClass = false;
      continue;
    }
    if (c === '\\') {
      close();
      i++;
      continue;
    }
    if (c === '[') {
      close();
      inClass = true;
    } else if (c === '(') {
      close();
      depth++;
    } else if (c === ')') {
      depth--;
    } else if (depth > 0) {
      continue;
    } else if (c === '|') {
      return null;
    } else if ('?*+{'.includes(c)) {
      // The character before may be left out (or the group before it, already closed).
      run = run.slice(0, -1);
      close();
      if (c === '{') while (i < source.length && source.charAt(i) !== '}') i++;
    } else if ('^$.'.includes(c) || c.toLowerCase() !== c.toUpperCase()) {
      // A character with a case matches its other case too, which `includes` would not find.
      close();
    } else {
      run += c;
    }
  }
  close();
  return best.trim().length === 0 ? null : best;
}

function compilePatterns(
  patterns: readonly FieldPattern[],
  placeholder: string,
  captureFor: string | ((pattern: FieldPattern) => string),
  gated: boolean,
): CompiledPattern[] {
  return patterns.map((p) => {
    const capture = typeof captureFor === 'string' ? captureFor : captureFor(p);
    if (p.pattern.startsWith(placeholder)) {
      const source = p.pattern.slice(placeholder.length);
      return {
        regex: new RegExp(source, 'gi'),
        before: { maxWords: capture === LEAD_PHRASE ? 6 : 8 },
        weight: p.weight,
        anchors: null,
        sticky: new RegExp(source, 'iy'),
        literal: gated ? requiredLiteral(source) : null,
        required: null,
      };
    }
    const source = p.pattern.replace(placeholder, capture);
    const anchors = gated ? deriveLeadingAnchorWords(source, 'gi') : null;
    // The "." keeps a word at the very end from counting: no closing \b says where it ends.
    const required = anchors === null ? null : deriveRequiredWordSets(`${source}.`, 'gi');
    return {
      regex: new RegExp(`\\b${source}`, 'gi'),
      before: null,
      weight: p.weight,
      anchors: anchors === null ? null : numberAnchorWords(anchors),
      sticky: new RegExp(`\\b${source}`, 'iy'),
      literal: gated && anchors === null ? requiredLiteral(source) : null,
      required: required === null ? null : required.map(numberAnchorWords),
    };
  });
}

/** Title patterns at least this heavy name the role outright ("applied for …", "the … role"). */
const NAMING_TITLE_WEIGHT = 4;

function titlePhraseFor(pattern: FieldPattern): string {
  return pattern.weight >= NAMING_TITLE_WEIGHT ? TITLE_PHRASE : PHRASE;
}

function labelAloneRegex(labels: readonly string[]): RegExp {
  return new RegExp(`^[|*\\s]*(?:${escapeWords(labels)})[*\\s]*:[*\\s]*$`, 'i');
}

function labelRegex(labels: readonly string[]): RegExp {
  return new RegExp(`^[|*\\s]*(?:${escapeWords(labels)})[*\\s]*:[*\\s]*(.{2,120}?)[|*\\s]*$`, 'i');
}

function compileExtraction(table: InvitationSignalTable): CompiledExtraction {
  const cached = cache.get(table);
  if (cached) return cached;
  const vocabulary = table.fieldVocabulary ?? NO_FIELD_VOCABULARY;
  const titleLabels = [...table.fieldLabels.title, ...vocabulary.titleLabels];
  const gated = usesWordGate(table);
  const compiled: CompiledExtraction = {
    shortcuts: gated,
    // The wider title phrase (dashes, ".NET") only where the pattern names the role outright: after a
    // loose "as"/"for" a dash ends the title anyway, and the narrower phrase scans faster.
    titlePatterns: compilePatterns(table.titlePatterns, '{title}', titlePhraseFor, gated),
    anchoredTitlePatterns: compilePatterns(
      table.titlePatterns.filter((p) => p.weight >= ANCHORED_TITLE_WEIGHT),
      '{title}',
      titlePhraseFor,
      false,
    ),
    companyPatterns: compilePatterns(table.companyPatterns, '{company}', PHRASE, gated),
    companyLeadPatterns: compilePatterns(table.companyLeadPatterns, '{company}', LEAD_PHRASE, gated),
    selfIntroductions: table.selfIntroductions.map(
      (p) =>
        new RegExp(
          `(?<![${LETTER}])${withoutCaseFlag(p).replace(withoutCaseFlag('{name}'), `(${PERSON_NAME})`)}`,
          '',
        ),
    ),
    selfIntroductionGates: table.selfIntroductions.map((pattern) => {
      const keys = leadingLiterals(pattern);
      return keys === null ? null : new RegExp(escapeWords(keys), 'i');
    }),
    personLabel: labelRegex(table.fieldLabels.person),
    personLabelAlone: labelAloneRegex(table.fieldLabels.person),
    companyLabel: labelRegex(table.fieldLabels.company),
    placeLabel: vocabulary.placeLabels.length > 0 ? labelRegex(vocabulary.placeLabels) : null,
    titleLabel: labelRegex(titleLabels),
    titleLabelAlone: labelAloneRegex(titleLabels),
    agencyCue: new RegExp(`\\b(?:${table.agencyCues.join('|')})\\b`, 'i'),
    platformCue: new RegExp(`\\b(?:${table.platformCues.join('|')})\\s+${PHRASE}`, 'gi'),
    signOffLine: new RegExp(`^(?:${escapeWords(table.signOffs)})\\s*[,.!:;—–-]*$`, 'i'),
    nonPersonWords: new Set([...table.nonPersonWords, ...vocabulary.businessNouns]),
    roleNouns: new Set([...table.roleNouns, ...vocabulary.roleNouns]),
    notCompanyWords: new Set(table.notCompanyWords),
    connectors: new Set([...table.nameConnectors, ...vocabulary.nameConnectors]),
    legalSuffixes: new Set(table.companySuffixes),
    departmentWords: [...table.departmentWords, ...vocabulary.departmentWords].sort(
      (a, b) => b.length - a.length,
    ),
    departmentEndings: [...table.departmentWords, ...vocabulary.departmentWords]
      .sort((a, b) => b.length - a.length)
      .map((department) => ({ spaced: ` ${department}`, count: department.split(' ').length })),
    agencyWords: table.agencyWords,
    agencyStems: table.agencyDomainStems,
    placeNouns: new Set(table.placeNouns),
    institutionNouns: new Set(table.institutionNouns),
    dateWords: new Set([...table.weekdays, ...table.months].map((word) => word.toLowerCase())),
    nonTitles: new Set(table.nonTitles),
    nonTitleWords: new Set([...table.nonTitleWords, ...vocabulary.nonTitleWords]),
    companyWordsBefore: new Set(table.companyWordsBefore),
    companyWordsAfter: new Set(table.companyWordsAfter),
    honorifics: new Set(table.honorifics),
    titleQualifiers: new Set(table.titleQualifiers),
    looseRoleNouns: new Set(vocabulary.looseRoleNouns),
    titleLeadIns: new Set(vocabulary.titleLeadIns),
    businessNouns: new Set(vocabulary.businessNouns),
    unitWords: new Set(vocabulary.unitWords),
    specialisationStopWords: new Set(vocabulary.specialisationStopWords),
  };
  cache.set(table, compiled);
  return compiled;
}

/** Extraction reads the start of the author's text (where the role and company are named) and its tail (the signature). */
const HEAD_CHARS = 2_560;

function tailOf(text: string, chars: number): string {
  return text.length <= chars ? text : text.slice(text.length - chars);
}

const UNKNOWN: ExtractedField = { value: null, evidence: null };
const PLACEHOLDER = /\{\{|\}\}|\{[a-z_]+\}|\[[A-Z_ ]+\]|%[A-Z_]+%|<[^>]*>/i;
const SUBJECT_PREFIX = /^(?:(?:re|fw|fwd|aw|wg|sv|tr)\s*:\s*)+/i;

interface Candidate {
  value: string;
  evidence: string;
  score: number;
}

/** Collects candidate values; the same value found twice gains a little. */
class CandidatePool {
  private readonly byKey = new Map<string, Candidate>();

  add(value: string | null, evidence: string, score: number): void {
    if (value === null || value.length === 0) return;
    const key = value.toLowerCase();
    const known = this.byKey.get(key);
    if (known) {
      known.score += Math.min(score, 2);
      if (score > known.score - 2) known.evidence = evidence;
    } else {
      this.byKey.set(key, { value, evidence, score });
    }
  }

  all(): Candidate[] {
    return [...this.byKey.values()];
  }

  best(minimum: number): Candidate | null {
    let best: Candidate | null = null;
    for (const candidate of this.byKey.values()) {
      if (candidate.score >= minimum && (best === null || candidate.score > best.score)) best = candidate;
    }
    return best;
  }
}

/**
 * Answers of the pure functions of a compiled table and a phrase (trimTitle, leadingCompany,
 * trailingCompany, sameName), kept across calls and emails: the same phrases and names recur within a
 * digest, across the two readings of the company, and when the pane reads an email again, and each answer
 * costs microseconds. Per table, so one table's answers never serve another; bounded like bareCache.
 */
const answers = new WeakMap<CompiledExtraction, Map<string, string | boolean | null>>();
const MAX_ANSWERS = 10_000;

function remembered<T extends string | boolean | null>(
  compiled: CompiledExtraction,
  key: string,
  compute: () => T,
): T {
  let known = answers.get(compiled);
  if (known === undefined) {
    known = new Map();
    answers.set(compiled, known);
  }
  const cached = known.get(key);
  if (cached !== undefined) return cached as T;
  const value = compute();
  if (known.size >= MAX_ANSWERS) known.clear();
  known.set(key, value);
  return value;
}

/** One part of a cache key, prefixed with its length so that no two different part lists make the same key. */
function keyPart(part: string): string {
  return `${part.length}:${part}`;
}

/** namesMatch with the table's honorifics, remembered. */
function sameName(a: string, b: string, compiled: CompiledExtraction): boolean {
  return remembered(compiled, `n${keyPart(a)}${b}`, () => namesMatch(a, b, compiled.honorifics));
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

function isCapitalized(word: string): boolean {
  // ".NET Developer": a leading dot does not hide the capital.
  const first = word.charAt(0) === '.' ? word.charAt(1) : word.charAt(0);
  return first !== first.toLowerCase() || /^\d/.test(word);
}

const NOT_LETTER_OR_DIGIT = new RegExp(`[^${LETTER}0-9&]`, 'g');

/** Memo of `bare`, a pure function called on the same few hundred words over and over; bounded. */
const bareCache = new Map<string, string>();

function bare(word: string): string {
  const known = bareCache.get(word);
  if (known !== undefined) return known;
  const plain = /^[\x20-\x7e]*$/.test(word) ? word : word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const value = plain.toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
  if (bareCache.size >= 10_000) bareCache.clear();
  bareCache.set(word, value);
  return value;
}

// ---------------------------------------------------------------------------------------------------
// Hiring manager

/** Strips courtesy titles, credentials and decorations: "Dr. Anna Müller" → "Anna Müller", "Denise Harlow, BSN" → "Denise Harlow". */
function cleanPersonName(raw: string, compiled: CompiledExtraction): string {
  let name = raw
    .replace(/^[|*\s>]+|[|*\s]+$/g, '')
    .replace(/["“”]/g, '')
    .replace(/\s*\((?:[^)]{0,30})\)\s*$/, '')
    .replace(/\s+(?:@|\||–|—)\s+.*$/, '')
    .trim();
  // "Name, BSN" / "Name, PhD" / "Name, Front Office Manager": keep the part before the comma.
  const comma = name.indexOf(',');
  if (comma > 0) {
    const head = name.slice(0, comma).trim();
    const tail = name.slice(comma + 1).trim();
    const tailIsFirstName =
      /^[\p{Lu}][\p{Ll}'’-]+(?:\s[\p{Lu}][\p{Ll}'’-]+)?$/u.test(tail) && words(head).length === 1;
    // "Chen, Sarah" → "Sarah Chen"
    name = tailIsFirstName && !compiled.roleNouns.has(bare(tail)) ? `${tail} ${head}` : head;
  }
  const tokens = words(name);
  while (tokens.length > 1 && compiled.honorifics.has(bare(tokens[0] ?? ''))) tokens.shift();
  return tokens.join(' ');
}

/** "Sarah Chen via Greenhouse" → "Sarah Chen"; "Sarah Chen (Acme)" → "Sarah Chen". */
export function cleanSenderName(raw: string): string {
  return raw
    .replace(/["“”]/g, '')
    .replace(/^.*\bon behalf of\s+/i, '') // "Outlook on behalf of Talia Brooks"
    .trim()
    .replace(/\s+(?:via|from|at|@|\||-|–|—)\s+.*$/i, '')
    .replace(/\s*[([].*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function looksLikePerson(name: string, compiled: CompiledExtraction, allowSingle: boolean): boolean {
  if (name.length < 2 || name.length > 60 || PLACEHOLDER.test(name) || /[\d@/\\:;|_]/.test(name))
    return false;
  const tokens = words(name);
  if (tokens.length === 0 || tokens.length > 4 || (!allowSingle && tokens.length < 2)) return false;
  if (!PERSON_REGEX.test(name)) return false;
  // "RAJESH PATEL": a whole name in capitals is still a name; a capitalised token among others is an
  // acronym ("CTC", "HR").
  const shouted = tokens.length >= 2 && tokens.every((t) => t.length >= 3 && t === t.toUpperCase());
  for (const token of tokens) {
    const lower = bare(token);
    if (!shouted && lower.length >= 2 && token === token.toUpperCase() && !/\.$/.test(token)) return false; // "CTC", "HR"
    if (
      compiled.nonPersonWords.has(lower) ||
      compiled.roleNouns.has(lower) ||
      compiled.notCompanyWords.has(lower)
    ) {
      return false;
    }
    if (compiled.legalSuffixes.has(lower) || compiled.placeNouns.has(lower)) return false;
  }
  // "Riverina Base Hospital": a name that ends in an institution noun is an organisation.
  if (tokens.length >= 2 && compiled.institutionNouns.has(bare(tokens[tokens.length - 1] ?? '')))
    return false;
  return true;
}

/**
 * The lower-case letters and spaces a pattern starts with ("my name is" for "my name is {name}"), without a
 * last letter that a quantifier may leave out; null when shorter than four characters.
 */
export function leadingLiteral(pattern: string): string | null {
  let literal = /^[A-Za-z ]*/.exec(pattern)?.[0] ?? '';
  if ('?*{'.includes(pattern.charAt(literal.length)) && literal.length < pattern.length)
    literal = literal.slice(0, -1);
  literal = literal.trim().toLowerCase();
  return literal.length >= 4 ? literal : null;
}

/**
 * What a pattern starts with, lower-cased, one of which every match begins with: its leading literal
 * (leadingLiteral), or the alternatives of a leading group made of letters, spaces and classes of
 * apostrophes ("(?:i[’']m|i am|this is)" → "i’m", "i'm", "i am", "this is"); null when unknown.
 */
export function leadingLiterals(pattern: string): string[] | null {
  const single = leadingLiteral(pattern);
  if (single !== null) return [single];
  const group = /^\(\?:([^()]*)\) /.exec(pattern);
  if (group?.[1] === undefined) return null;
  const found: string[] = [];
  for (const alternative of group[1].split('|')) {
    if (!/^(?:[A-Za-z ]|\[[’']+\])+$/.test(alternative)) return null;
    let spellings = [''];
    for (const part of alternative.match(/\[[’']+\]|[A-Za-z ]/g) ?? []) {
      const options = part.length > 1 ? [...part.slice(1, -1)] : [part.toLowerCase()];
      spellings = spellings.flatMap((start) => options.map((option) => start + option));
    }
    found.push(...spellings);
  }
  return found.length > 0 && found.every((literal) => literal.length >= 3) ? found : null;
}

/** Exactly `/\s/.test(c)` for one character code: the white space the regex `\s` matches. */
function isRegexSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * `line.replace(/^[|*\s>]+|[|*\s]+$/g, '')` without the regex, which tries its second branch at every
 * position of a long line: leading "|", "*", ">" and white space, trailing "|", "*" and white space.
 */
export function stripDecoration(line: string): string {
  let start = 0;
  while (start < line.length) {
    const code = line.charCodeAt(start);
    if (code !== 124 && code !== 42 && code !== 62 && !isRegexSpace(code)) break;
    start++;
  }
  let end = line.length;
  while (end > start) {
    const code = line.charCodeAt(end - 1);
    if (code !== 124 && code !== 42 && !isRegexSpace(code)) break;
    end--;
  }
  return start === 0 && end === line.length ? line : line.slice(start, end);
}

/** The first 8,000 characters of the author's text lower-cased, which several checks read. */
const LOWER_HEAD_CHARS = 8_000;

/** How much of the author's text a self-introduction ("my name is …") is looked for in. */
const INTRO_CHARS = 4_000;

/**
 * True when the text uses the name as an organisation: "Acme Foods has invited you", "here at Acme Foods".
 * `text` is the head of the author's text, lower-cased.
 */
function namedAsCompany(name: string, text: string, compiled: CompiledExtraction): boolean {
  if (name.length < 2) return false;
  const needle = name.toLowerCase();
  let at = text.indexOf(needle);
  for (let n = 0; at >= 0 && n < 20; n++) {
    // Words on the same line only: "Wen Zhao⏎Recruiting Coordinator" is a signature, not "X Recruiting".
    const before = /([\p{L}]+)[ \t]+$/u.exec(text.slice(Math.max(0, at - 12), at))?.[1] ?? '';
    const after =
      /^(?:['’]s)?[ \t]+([\p{L}]+)/u.exec(text.slice(at + needle.length, at + needle.length + 16))?.[1] ?? '';
    if (compiled.companyWordsBefore.has(before) || compiled.companyWordsAfter.has(after)) return true;
    at = text.indexOf(needle, at + needle.length);
  }
  return false;
}

/** "Head Chef - The Copper Pot", "Recruiter | Acme": a line whose first part ends in a role noun. */
function isTitleLine(line: string, compiled: CompiledExtraction): boolean {
  const first = line.split(/\s+[-–—|]\s+|,\s*/)[0] ?? '';
  return first.length <= 60 && isRoleWord(words(first).pop() ?? '', compiled);
}

function isReader(name: string, sources: FieldSources, compiled: CompiledExtraction): boolean {
  const readers = [sources.candidateName, sources.text.addressee ?? ''].filter((n) => n.trim().length > 0);
  return readers.some((reader) => sameName(name, reader, compiled));
}

function extractHiringManager(sources: FieldSources, compiled: CompiledExtraction): ExtractedField {
  const { text } = sources;
  let lowered: string | null = null;
  const lowerHead = (): string => (lowered ??= text.own.slice(0, LOWER_HEAD_CHARS).toLowerCase());
  const sender = cleanPersonName(cleanSenderName(sources.fromName), compiled);
  // A sender name that spells the sender's domain ("Northgate Distribution" <jobs@northgatedist.com>) is the company.
  const spellsDomain =
    domainAffinity(sender, domainLabels(sources.fromEmail)) >= 2 ||
    namedAsCompany(sender, lowerHead(), compiled);
  const senderIsPerson =
    looksLikePerson(sender, compiled, true) && !spellsDomain && !isReader(sender, sources, compiled);
  const senderIsFullName = senderIsPerson && words(sender).length >= 2;

  const pool: { name: string; evidence: string; score: number }[] = [];
  const consider = (raw: string | null, evidence: string, score: number, allowSingle: boolean): void => {
    // "Event Type:", "Invitee:": a label line, not a name.
    if (!raw || /:\s*$/.test(raw)) return;
    const name = cleanPersonName(raw, compiled).replace(/[.,;:!]+$/, '');
    if (!looksLikePerson(name, compiled, allowSingle) || isReader(name, sources, compiled)) return;
    pool.push({ name, evidence, score });
  };

  consider(text.signOffName, `signs off as “${text.signOff ?? ''}”`, 6, true);
  const firstSignatureLine = text.signature[0] ?? null;
  if (firstSignatureLine !== null)
    consider(firstSignatureLine, `signature: “${firstSignatureLine}”`, 5, true);

  // A name on its own line near the end: after a closing line ("Looking forward to connecting,"), or
  // followed by a title or company line. Works without a known sign-off.
  const ownLines = tailOf(text.own, 6_000).split('\n').slice(-60);
  const bareLines = ownLines.map(stripDecoration);
  for (let i = 0; i < ownLines.length; i++) {
    const line = bareLines[i] ?? '';
    if (line.length === 0 || line.length > 60 || !isCapitalized(line)) continue;
    const previous = (ownLines[i - 1] ?? '').trim();
    const next = bareLines[i + 1] ?? '';
    const afterClosing = /^[^.?]{1,40}[,!]$/.test(previous) || compiled.signOffLine.test(previous);
    if (afterClosing) consider(line, `signature: “${line}”`, 4, true);
    // A first name alone is trusted when the line under it is the signer's title ("Marco" / "Head Chef").
    else if (next.length > 0 && next.length < 80 && previous.length === 0)
      consider(line, `signature: “${line}”`, 3, isTitleLine(next, compiled));
    else if (line.includes(',')) consider(line, `signature: “${line}”`, 2, false);
  }
  const labelLines = ownLines.slice(0, 200);
  for (let i = 0; i < labelLines.length; i++) {
    const line = (labelLines[i] ?? '').trim();
    const label = compiled.personLabel.exec(line);
    if (label?.[1]) consider(label[1], `“${line}”`, 4, false);
    else if (compiled.personLabelAlone.test(line)) {
      // "Host:" with the name on the next line (booking-tool confirmations).
      const next = (labelLines[i + 1] ?? '').trim();
      if (next.length > 0) consider(next, `“${line} ${next}”`, 4, false);
    }
  }
  // The head the self-introductions are read in, and (only when a key needs checking) its lower case.
  const introHead = text.own.slice(0, INTRO_CHARS);
  for (const [i, intro] of compiled.selfIntroductions.entries()) {
    // A match starts with these words, so a head without them (in any case) has none. One regex scan per
    // introduction costs a quarter of lower-casing the head and searching it for each word (~4 against
    // ~16 µs on a digest's 4,000 characters).
    const gate = compiled.selfIntroductionGates[i] ?? null;
    if (compiled.shortcuts && gate !== null && !gate.test(introHead)) continue;
    const match = intro.exec(introHead);
    if (match?.[1]) consider(match[1], `introduces themselves: “${match[0].trim()}”`, 4, false);
  }
  // A booking tool or ATS writing "Intro call – Tandem Loop with Hannah Goldberg": the meeting's host.
  if (!senderIsPerson) {
    const host = SUBJECT_HOST.exec(sources.subject)?.[1] ?? '';
    // "Interview with Brightline Rail" from Brightline Rail Recruitment: the company, not a host.
    const isSender =
      domainAffinity(host, domainLabels(sources.fromEmail)) > 0 ||
      sources.fromName.toLowerCase().includes(host.toLowerCase());
    if (host.length > 0 && !isSender) consider(host, `subject: “${sources.subject.trim()}”`, 3, false);
  }

  pool.sort((a, b) => b.score - a.score);
  const best = pool[0];
  if (best) {
    const single = words(best.name).length === 1;
    // A first name or nickname under a full sender name ("Kasia" from "Katarzyna Nowak"): the sender.
    if (single && senderIsFullName) {
      return {
        value: sender,
        evidence: `${best.evidence}; full name from the sender “${sources.fromName.trim()}”`,
      };
    }
    if (!single || !senderIsPerson) return { value: best.name, evidence: best.evidence };
  }
  if (senderIsPerson) return { value: sender, evidence: `sender: “${sources.fromName.trim()}”` };
  return UNKNOWN;
}

// ---------------------------------------------------------------------------------------------------
// Job title

const LEVEL_SUFFIX = /^(?:i{1,3}|iv|v|[1-5]|l[1-7])$/i;
const TITLE_LEADING_NOISE =
  /^(?:the|a|an|our|your|this|their|open|new|exciting|following|above|next|current|vacant)$/i;
const TITLE_SPLITTERS = /^(?:for|as|to|in|about|regarding|at|with|into|on)$/i;
const JOB_NOUNS_BEFORE_OF = /^(?:role|position|post|job|title|vacancy|opening|capacity|appointment)$/i;

function isRoleWord(word: string, compiled: CompiledExtraction): boolean {
  return compiled.roleNouns.has(bare(word));
}

/**
 * Also accepts agent-noun endings ("Roofer", "Florist") for trades the list does not know. Used only where
 * the sentence already says it names a role ("the … role"), since names like "Okafor" end the same way.
 */
function isLooseRoleWord(word: string, compiled: CompiledExtraction): boolean {
  const lower = bare(word);
  if (compiled.roleNouns.has(lower) || compiled.looseRoleNouns.has(lower)) return true;
  // "picker/packer" is a role when each half is one; "before/after" is not.
  if (word.includes('/')) {
    const halves = word.split('/').filter((half) => half.length > 0);
    return halves.length > 1 && halves.every((half) => isLooseRoleWord(half, compiled));
  }
  return (
    lower.length >= 5 &&
    /(?:er|ist|eer)$/.test(lower) &&
    !compiled.notCompanyWords.has(lower) &&
    !compiled.nonTitleWords.has(lower)
  );
}

function hasRoleNoun(title: string, compiled: CompiledExtraction): boolean {
  return title.split(/[\s/]+/).some((word) => word.length > 0 && isRoleWord(word, compiled));
}

/** What a title's specialisation must not be: the sender's company or domain ("– Vértice Pay"). */
interface TitleContext {
  labels: readonly string[];
  fromName: string;
}

const DASH = /^[–—-]$/;
const INNER_DETERMINER = /^(?:the|a|an|our|your|their|this)$/i;

/**
 * True when the part after a dash names what the role works on ("Claims Transformation", "Net Zero
 * Buildings", "Vision"), not a stage, contract, place, number, another role or the company.
 */
function isSpecialisation(part: string, compiled: CompiledExtraction, context: TitleContext | null): boolean {
  const tokens = words(part);
  if (tokens.length === 0 || tokens.length > 4 || /\d/.test(part)) return false;
  for (const token of tokens) {
    const lower = bare(token);
    if (!isCapitalized(token) && !compiled.connectors.has(token.toLowerCase()) && token !== '&') return false;
    if (
      compiled.specialisationStopWords.has(lower) ||
      compiled.notCompanyWords.has(lower) ||
      compiled.placeNouns.has(lower) ||
      compiled.dateWords.has(lower)
    ) {
      return false;
    }
  }
  // "– Shift Lead": another role, not a specialisation ("– Development Assessment" is one).
  if (isRoleWord(tokens[tokens.length - 1] ?? '', compiled)) return false;
  if (context !== null) {
    if (domainAffinity(part, context.labels) > 0) return false;
    if (context.fromName.toLowerCase().includes(part.toLowerCase())) return false;
  }
  return true;
}

/** Trims a captured phrase to the job title inside it, or null when it does not read as a title. */
function trimTitle(
  phrase: string,
  compiled: CompiledExtraction,
  keepSpecialisation: boolean,
  context: TitleContext | null = null,
): string | null {
  const key =
    context === null
      ? `t${keepSpecialisation ? 1 : 0}-${phrase}`
      : `t${keepSpecialisation ? 1 : 0}${keyPart(context.labels.join('.'))}${keyPart(context.fromName)}${phrase}`;
  return remembered(compiled, key, () => readTitle(phrase, compiled, keepSpecialisation, context));
}

function readTitle(
  phrase: string,
  compiled: CompiledExtraction,
  keepSpecialisation: boolean,
  context: TitleContext | null,
): string | null {
  const roleWord = keepSpecialisation ? isLooseRoleWord : isRoleWord;
  // Same answer, sooner: a title needs a role word (lastRole below), and without "(", "*" or "_" every
  // word read below is one of these pieces (whitespace- and comma-separated, as cut below).
  if (
    compiled.shortcuts &&
    !/[(*_]/.test(phrase) &&
    !phrase.split(/[\s,]+/).some((piece) => piece.length > 0 && roleWord(piece, compiled))
  ) {
    return null;
  }
  // "Chef de projet / Project Manager", "Jordan Lee / Senior Data Engineer": the part with a role noun, last.
  let text = phrase.replace(/[*_]/g, '').trim();
  const slashParts = text.split(/\s+\/\s+/);
  // "Operations Coordinator – Emeka / Zuri Logistics": a line that pairs names with slashes has no
  // specialisation after its dash.
  const dashSpecialisable = keepSpecialisation && slashParts.length === 1;
  if (slashParts.length > 1)
    text = [...slashParts].reverse().find((part) => hasRoleNoun(part, compiled)) ?? text;
  const paren = /\(([^)]{3,60})\)?/.exec(text);
  const beforeParen = paren ? text.slice(0, paren.index).trim().toLowerCase() : '';
  if (
    paren?.[1] &&
    hasRoleNoun(paren[1], compiled) &&
    (!hasRoleNoun(beforeParen, compiled) || compiled.nonTitles.has(beforeParen))
  ) {
    text = paren[1];
  }
  text = text.replace(/\s*\(.*$/, '');

  // "Business Analyst - Claims Transformation": the part with a role noun is the title; the part after it
  // is kept when it says what the role works on. "Intro call – Customer Success Manager": the later part.
  let dashSpecialisation = '';
  // Split with the dashes kept: ["Business Analyst", "-", "Claims Transformation"].
  const pieces = /\s[–—-]\s/.test(text) ? text.split(/\s+([–—-])\s+/) : [text];
  if (pieces.length > 1) {
    const parts = pieces.filter((_, i) => i % 2 === 0);
    // "Barista – Shift Lead", "Head of Eng - Staff Engineer": the last part that names a role.
    let main = parts.length - 1;
    while (main >= 0 && !isRoleWord(words(parts[main] ?? '').pop() ?? '', compiled)) main--;
    if (main < 0) main = parts.findIndex((part) => hasRoleNoun(part, compiled));
    if (main >= 0) {
      const next = (parts[main + 1] ?? '').replace(/[.;:!?]+$/, '').trim();
      if (dashSpecialisable && next.length > 0 && isSpecialisation(next, compiled, context))
        dashSpecialisation = ` ${pieces[main * 2 + 1] ?? '-'} ${next}`;
      text = parts[main] ?? text;
    } else {
      text = parts[0] ?? text;
    }
  }

  let specialisation = '';
  const comma = text.indexOf(',');
  if (comma >= 0) {
    // "Operations Analyst, Trade Finance with Meridian Pacific Bank": the specialisation ends where the
    // sentence goes on.
    const after = (text.slice(comma + 1).split(/\s+(?:with|at|for|in|on|to|based)\s+/i)[0] ?? '').trim();
    const afterWords = words(after);
    if (
      keepSpecialisation &&
      afterWords.length >= 1 &&
      afterWords.length <= 4 &&
      !/\d/.test(after) &&
      afterWords.every((w) => isCapitalized(w) || compiled.connectors.has(w.toLowerCase()))
    ) {
      specialisation = `, ${after.replace(/[.;:!?]+$/, '')}`;
    }
    text = text.slice(0, comma);
  }

  let tokens = words(text);
  // A dash left in a loose capture ends the title: "as a Designer - we …".
  const dash = tokens.findIndex((token) => DASH.test(token));
  if (dash >= 0) tokens = tokens.slice(0, dash);
  // "application for Frontend Developer", "Assessment Centre for our Supply Chain Trainee": the title is after the preposition.
  for (let i = tokens.length - 2; i >= 0; i--) {
    // "of" splits only after a lower-case word or a job noun ("position of Buyer"), so "Front of House
    // Supervisor" and "Director of Nursing" stay whole.
    const before = tokens[i - 1] ?? '';
    const splitsAtOf =
      /^of$/i.test(tokens[i] ?? '') && (!isCapitalized(before) || JOB_NOUNS_BEFORE_OF.test(before));
    if (TITLE_SPLITTERS.test(tokens[i] ?? '') || splitsAtOf) {
      const left = tokens.slice(0, i).join(' ');
      const right = tokens.slice(i + 1).join(' ');
      if (!hasRoleNoun(left, compiled) && hasRoleNoun(right, compiled)) {
        tokens = tokens.slice(i + 1);
        break;
      }
    }
  }
  // "we posted the Flutter developer role", "Ihre Bewerbung als Data Engineer": words before an article
  // inside the phrase, and words that introduce a title in a subject, are not part of it.
  for (let i = tokens.length - 2; i >= 1; i--) {
    if (INNER_DETERMINER.test(tokens[i] ?? '') && hasRoleNoun(tokens.slice(i + 1).join(' '), compiled)) {
      tokens = tokens.slice(i + 1);
      break;
    }
  }
  while (
    tokens.length > 1 &&
    (TITLE_LEADING_NOISE.test(tokens[0] ?? '') || compiled.titleLeadIns.has(bare(tokens[0] ?? '')))
  ) {
    tokens.shift();
  }
  // "the Halden & Crane Graduate Analyst role": the sender's company in front is not part of the title.
  if (context !== null && context.labels.length > 0) {
    for (let k = Math.min(3, tokens.length - 1); k >= 1; k--) {
      const lead = tokens.slice(0, k).join(' ');
      if (domainAffinity(lead, context.labels) >= 2 && hasRoleNoun(tokens.slice(k).join(' '), compiled)) {
        tokens = tokens.slice(k);
        break;
      }
    }
  }

  const kept: string[] = [];
  let cutShort = false;
  for (const token of tokens) {
    const clean = token.replace(/[.,;:!?)]+$/, '');
    const lower = clean.toLowerCase();
    cutShort = true;
    if (TITLE_SPLITTERS.test(lower) && lower !== 'in') break;
    if (
      /^(?:role|position|opening|opportunity|job|vacancy|post|req|requisition|interview|and we|we|i|you|is|was|will)$/i.test(
        lower,
      )
    ) {
      break;
    }
    const abbreviation = /^(?:sr|jr|snr|jnr|asst|assoc)\.$/i.test(token);
    kept.push(abbreviation ? token : clean);
    if (clean !== token && !abbreviation) break; // punctuation ends the title
    if (kept.length >= 7) break;
    cutShort = false;
  }
  // Known role nouns first; an agent-noun ending ("Roofer") only where none is known, so "Lecturer in
  // Cyber Security" does not end on "Cyber".
  let lastRole = -1;
  for (let i = 0; i < kept.length; i++) if (isRoleWord(kept[i] ?? '', compiled)) lastRole = i;
  if (lastRole < 0 && keepSpecialisation)
    for (let i = 0; i < kept.length; i++) if (isLooseRoleWord(kept[i] ?? '', compiled)) lastRole = i;
  let end = kept.length;
  // "marketing exec", "staff eng": a short form of a role after a field word completes it.
  while (lastRole >= 0 && compiled.looseRoleNouns.has(bare(kept[lastRole + 1] ?? ''))) lastRole++;
  if (lastRole >= 0) {
    end = lastRole + 1;
    // Keep what completes the title after the role noun: "Teacher of Mathematics", "Engineer II",
    // "Postdoctoral Researcher in Single-Cell Genomics" (up to the first lower-case word).
    const rest = kept.slice(lastRole + 1);
    if (LEVEL_SUFFIX.test(rest[0] ?? '')) end++;
    else if (/^(?:of|in|de|du|des|di|della)$/i.test(rest[0] ?? '') && isCapitalized(rest[1] ?? 'x')) {
      let run = 1;
      while (
        run < rest.length &&
        (isCapitalized(rest[run] ?? '') || compiled.connectors.has((rest[run] ?? '').toLowerCase()))
      )
        run++;
      end = lastRole + 1 + run;
    }
  }
  let title = kept.slice(0, end);
  while (title.length > 0 && /^(?:and|of|in|for|&|-|–)$/i.test(title[title.length - 1] ?? ''))
    title = title.slice(0, -1);
  if (title.length === 0 || title.length > 7) return null;
  if (lastRole < 0) return null;
  const whole = end === kept.length && !cutShort;
  const value = `${title.join(' ')}${whole ? specialisation : ''}${whole && specialisation === '' ? dashSpecialisation : ''}`;
  if (compiled.nonTitles.has(value.toLowerCase())) return null;
  if (PLACEHOLDER.test(value) || value.length < 2) return null;
  // "Talent Team", "Careers": words that never make a title alone. A person's role ("Operations
  // Coordinator") is a title even when each word also marks a team sender.
  if (
    title.every((t) => {
      const lower = t.toLowerCase();
      return (
        (compiled.notCompanyWords.has(lower) || compiled.nonPersonWords.has(lower)) &&
        !isPersonRole(bare(t), compiled)
      );
    })
  ) {
    return null;
  }
  return value;
}

/** What a field pattern found: the field's phrase, the text to quote as evidence, and the word after it. */
interface PatternMatch {
  capture: string;
  quote: string;
  nextWord: string;
}

const NEXT_WORD = /\s*(\S+)/y;

/** The first word at or after `index` within 40 characters, as `words(text.slice(index, index + 40))[0]`. */
function wordAt(text: string, index: number): string {
  const window = text.slice(index, index + 40);
  NEXT_WORD.lastIndex = 0;
  return NEXT_WORD.exec(window)?.[1] ?? '';
}

/**
 * Remembers a pure function's answers for one extraction: digests and job alerts repeat the same phrases
 * ("… at Acme") dozens of times, and each would otherwise be tidied again.
 */
function memoize<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}

/** A text the field patterns read, with its words indexed once for every pattern. */
interface ScanRegion {
  where: string;
  text: string;
  bonus: number;
  words: WordIndex | null;
}

function scanRegion(where: string, text: string, bonus: number, compiled: CompiledExtraction): ScanRegion {
  return { where, text, bonus, words: compiled.shortcuts && text.length > 0 ? indexWords(text) : null };
}

/** Above this many anchor-word positions one forward scan is cheaper than trying each (same matches). */
const MAX_TRIED_POSITIONS = 128;

/**
 * The positions where an anchored pattern is tried, ascending, or null to scan the whole text. Every match
 * starts where one of its anchor words starts, so trying those in order finds the scan's matches.
 */
function triedPositions(pattern: CompiledPattern, region: ScanRegion): readonly number[] | null {
  if (pattern.literal !== null && region.words !== null && !region.text.includes(pattern.literal)) return [];
  if (pattern.anchors === null || region.words === null) return null;
  // No match starts after the last of the words every match holds (none at all without one).
  let lastStart = region.text.length;
  if (pattern.required !== null) {
    lastStart = lastStartFor(pattern.required, region.words, region.words);
    if (lastStart < 0) return [];
  }
  const lists = anchorPositionsIn(region.words, pattern.anchors).map((list) =>
    (list[list.length - 1] ?? 0) <= lastStart ? list : list.filter((position) => position <= lastStart),
  );
  let count = 0;
  for (const list of lists) count += list.length;
  if (count > MAX_TRIED_POSITIONS) return null;
  if (lists.length === 1) return lists[0] ?? [];
  // Different words never start at the same place, so the merged lists hold no duplicates.
  const merged: number[] = [];
  for (const list of lists) for (const position of list) merged.push(position);
  return merged.sort((a, b) => a - b);
}

/** The first match at or after `from`: a scan, or sticky tries at the given positions. */
function nextMatch(
  pattern: CompiledPattern,
  text: string,
  from: number,
  positions: readonly number[] | null,
  cursor: { next: number },
): RegExpExecArray | null {
  if (positions === null) {
    pattern.regex.lastIndex = from;
    return pattern.regex.exec(text);
  }
  while (cursor.next < positions.length) {
    const position = positions[cursor.next] ?? 0;
    cursor.next++;
    if (position < from) continue;
    pattern.sticky.lastIndex = position;
    const match = pattern.sticky.exec(text);
    if (match !== null) return match;
  }
  return null;
}

function scanPatterns(
  patterns: readonly CompiledPattern[],
  regions: readonly ScanRegion[],
  onMatch: (found: PatternMatch, weight: number, where: string) => void,
): void {
  for (const pattern of patterns) {
    for (const region of regions) {
      const text = region.text;
      const positions = triedPositions(pattern, region);
      const cursor = { next: 0 };
      let from = 0;
      let match: RegExpExecArray | null;
      let n = 0;
      // As `while ((match = regex.exec(text)) !== null && n++ < 30)` with a global regex.
      while (
        from <= text.length &&
        (match = nextMatch(pattern, text, from, positions, cursor)) !== null &&
        n++ < 30
      ) {
        if (match[0].length === 0) {
          from = match.index + 1;
          continue;
        }
        const end = match.index + match[0].length;
        from = end;
        const nextWord = wordAt(text, end);
        if (pattern.before !== null) {
          // The field sits right before the cue: read the phrase back.
          const phrase = phraseBefore(text, match.index, pattern.before.maxWords);
          if (phrase.length > 0)
            onMatch(
              { capture: phrase, quote: `${phrase}${match[0]}`, nextWord },
              pattern.weight + region.bonus,
              region.where,
            );
        } else {
          onMatch(
            { capture: match[1] ?? '', quote: match[0], nextWord },
            pattern.weight + region.bonus,
            region.where,
          );
        }
      }
    }
  }
}

/** A title pattern that ends on a programme or scheme ("for the Finance Graduate Programme"). */
const PROGRAMME_CUE = /\s(programme|program|scheme)\s*$/i;

/** How much of the quoted history is read for a title when the author's own words name none. */
const QUOTED_TITLE_CHARS = 2_000;

/**
 * "Clinical Research Associate II" over "Clinical Research Associate", ".NET Full Stack Developer" over "Full
 * Stack Developer": a candidate that says the best one with a qualifier added (a word or two before it, a
 * level or specialisation after it) names the same role more exactly. Words that are a company, an article
 * or a lead-in are not a qualifier ("Halden & Crane Graduate Analyst").
 */
function fullerTitle(
  best: Candidate,
  candidates: readonly Candidate[],
  compiled: CompiledExtraction,
  labels: readonly string[],
): Candidate {
  const lower = best.value.toLowerCase();
  let fuller = best;
  for (const candidate of candidates) {
    const value = candidate.value.toLowerCase();
    if (value === lower || value.length <= fuller.value.length || candidate.score < 4) continue;
    let extra: string;
    // After a comma only in the text's own sentence ("the position of Operations Analyst, Trade Finance"):
    // a subject's "Store Manager, Leeds" adds a place, not a qualifier.
    const afterComma = value.startsWith(`${lower},`) && candidate.evidence.startsWith('text:');
    if (value.endsWith(` ${lower}`)) extra = candidate.value.slice(0, value.length - lower.length).trim();
    else if (value.startsWith(`${lower} `) || afterComma)
      extra = candidate.value.slice(lower.length).replace(/^[,\s–—-]+/, '');
    else continue;
    const extraWords = words(extra);
    if (extraWords.length === 0 || extraWords.length > 3) continue;
    if (domainAffinity(extra, labels) > 0) continue;
    if (
      extraWords.some(
        (w) =>
          INNER_DETERMINER.test(w) ||
          JOB_NOUNS_BEFORE_OF.test(w) ||
          /^(?:programme|program|scheme|team)$/i.test(w) ||
          compiled.titleLeadIns.has(bare(w)) ||
          TITLE_SPLITTERS.test(w),
      )
    )
      continue;
    fuller = candidate;
  }
  return fuller;
}

function extractJobTitle(
  sources: FieldSources,
  compiled: CompiledExtraction,
  own: string,
  regions: readonly ScanRegion[],
): ExtractedField {
  const subject = sources.subject.replace(SUBJECT_PREFIX, '');
  const labels = domainLabels(sources.fromEmail);
  const context: TitleContext = { labels, fromName: sources.fromName };
  const pool = new CandidatePool();
  const anchoredTitle = memoize((capture) => trimTitle(capture, compiled, true, context));
  const looseTitle = memoize((capture) => trimTitle(capture, compiled, false));
  const readPatterns = (patterns: readonly CompiledPattern[], from: readonly ScanRegion[]): void =>
    scanPatterns(patterns, from, ({ capture, quote }, weight, where) => {
      const anchoredAtEnd = weight >= ANCHORED_TITLE_WEIGHT;
      // "the Finance Graduate Programme": after a qualifier ("Graduate", "Trainee"), the programme or
      // scheme the pattern ends on is the title's own last word.
      const programme = PROGRAMME_CUE.exec(quote)?.[1];
      const lastWord = bare(capture.slice(capture.lastIndexOf(' ') + 1));
      const read =
        programme !== undefined && compiled.titleQualifiers.has(lastWord)
          ? `${capture} ${programme}`
          : capture;
      const value = anchoredAtEnd ? anchoredTitle(read) : looseTitle(read);
      if (value === null) return;
      // Lower-case titles ("the ops analyst role") are trusted only from patterns anchored on "role"/"position".
      if (!isCapitalized(value) && !anchoredAtEnd) return;
      pool.add(value, `${where}: “${quote.trim()}”`, weight);
    });
  readPatterns(compiled.titlePatterns, regions);

  const lines = own.split('\n', 400);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    let value: string | null = null;
    let evidence = line;
    const label = compiled.titleLabel.exec(line);
    if (label?.[1]) value = trimTitle(label[1], compiled, true, context);
    else if (compiled.titleLabelAlone.test(line)) {
      // "Event Type:" with the value on the next line.
      const next =
        lines
          .slice(i + 1, i + 3)
          .find((l) => l.trim().length > 0)
          ?.trim() ?? '';
      if (next.length > 0 && next.length <= 120) {
        value = trimTitle(next, compiled, true, context);
        evidence = `${line} ${next}`;
      }
    }
    if (value !== null) pool.add(value, `“${evidence}”`, 5);
  }

  // Subject segments: "Phone screen – Senior Data Engineer", "Senior Data Engineer interview | Acme".
  for (const segment of subject.split(/\s+[-–—|:]\s+|:\s+|\s*\|\s*|\s+at\s+|\s+with\s+/i)) {
    const cleaned = segment
      .replace(
        /\b(?:interview|invitation|invite|phone screen|next steps?|screen|call|chat|request|availability)\b/gi,
        ' ',
      )
      .trim();
    const value = trimTitle(cleaned, compiled, true, context);
    if (value === null) continue;
    // "Re: warehouse operative": a lower-case subject that is nothing but a role names it.
    const last = bare(words(value).pop() ?? '');
    const wholeRole =
      value.toLowerCase() === cleaned.toLowerCase() &&
      words(value).length <= 3 &&
      isRoleWord(last, compiled) &&
      PERSON_ROLE_ENDING.test(last);
    // "Design exercise & panel – Brand Designer": a field word alone ("Design") is the weaker reading.
    const fieldOnly = !value.includes(' ') && !PERSON_ROLE_ENDING.test(last);
    if (isCapitalized(value) || wholeRole)
      pool.add(value, `subject: “${sources.subject.trim()}”`, fieldOnly ? 3 : 4);
  }

  // A reply that names no role: the earlier message it quotes often does ("for the AP Clerk role"). Only
  // the patterns that end on "role"/"position" are read there, without indexing its words: few scans of
  // a few KB cost less than the index.
  if (pool.best(1) === null && sources.text.quoted.length > 0) {
    const quoted = sources.text.quoted.slice(0, QUOTED_TITLE_CHARS);
    readPatterns(compiled.anchoredTitlePatterns, [
      { where: 'earlier message', text: quoted, bonus: 0, words: null },
    ]);
  }

  const best = pool.best(1);
  if (best === null) return UNKNOWN;
  const chosen = fullerTitle(best, pool.all(), compiled, labels);
  return { value: chosen.value, evidence: chosen.evidence };
}

// ---------------------------------------------------------------------------------------------------
// Company

const RESERVED_LABELS = new Set(['example', 'test', 'invalid', 'localhost']);
/** Domains whose name is no guess at the employer: documentation addresses and universities (abbreviations). */
const NOT_GUESSABLE_DOMAIN = new RegExp(
  `(?:^|\\.)(?:(?:${[...RESERVED_LABELS].join('|')})\\.[a-z.]+|ac\\.[a-z.]+|edu(?:\\.[a-z.]+)?)$`,
);

/** The sender's domain as written, lower-cased ("acme.co.uk"), or '' when the address has none. */
function senderDomain(fromEmail: string): string {
  const at = fromEmail.lastIndexOf('@');
  if (at < 0) return '';
  return fromEmail
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/[>\s].*$/, '');
}

/** The labels of the sender's domain that could name the employer, or [] for free-mail and platforms. */
/** The last answer of domainLabels: one extraction asks for the same sender several times. */
let lastDomainLabels: { fromEmail: string; labels: string[] } | null = null;

function domainLabels(fromEmail: string): string[] {
  if (lastDomainLabels?.fromEmail === fromEmail) return lastDomainLabels.labels;
  const labels = computeDomainLabels(fromEmail);
  lastDomainLabels = { fromEmail, labels };
  return labels;
}

function computeDomainLabels(fromEmail: string): string[] {
  const domain = senderDomain(fromEmail);
  if (domain.length === 0 || freeMailDomains.includes(domain)) return [];
  // "gmail.example.com", "csjobs.example.gov.uk": the reserved example/test labels of documentation and test
  // addresses name nobody; what is left is read as the domain. As the top-level name ("acme.example",
  // RFC 2606) a reserved label stands where ".com" would, so the name before it still counts.
  const written = domain.split('.').filter((label) => label.length > 0);
  const last = written[written.length - 1] ?? '';
  const asWritten =
    written.length >= 2 && RESERVED_LABELS.has(last) ? [...written.slice(0, -1), 'com'] : written;
  const labels = asWritten.filter((label) => !RESERVED_LABELS.has(label));
  if (freeMailDomains.includes(labels.join('.'))) return [];
  if (labels.length < 2) return [];
  // Drop the public suffix: "acme.co.uk" → ["acme"], "careers.acme.com" → ["careers", "acme"].
  let suffixLength = 1;
  const secondLast = labels[labels.length - 2] ?? '';
  if (
    labels.length >= 3 &&
    /^(?:co|com|org|net|ac|gov|edu|ltd|plc)$/.test(secondLast) &&
    (labels[labels.length - 1] ?? '').length === 2
  ) {
    suffixLength = 2;
  }
  const registrable = labels.slice(-(suffixLength + 1)).join('.');
  const isPlatform = hiringPlatformDomains.some(
    (p) => registrable === p || domain === p || domain.endsWith(`.${p}`),
  );
  const names = labels.slice(0, labels.length - suffixLength);
  const organisational = isPlatform ? names.slice(0, -1) : names;
  return organisational.filter(
    (label) =>
      !/^(?:mail|email|e|careers?|jobs|hr|talent|recruiting|recruitment|notifications?|no-?reply|info|www|m|t|news|em|send|bounce|reply|hello|people)$/.test(
        label,
      ),
  );
}

function squashVariants(value: string): string[] {
  const tokens = words(value.replace(/&/g, ' and '))
    .map(bare)
    .filter((t) => t.length > 0);
  const variants = new Set<string>([tokens.join(''), tokens.filter((t) => t !== 'and').join('')]);
  for (let k = 2; k < tokens.length; k++) {
    variants.add(
      tokens
        .slice(0, k)
        .map((t) => t.charAt(0))
        .join('') + tokens.slice(k).join(''),
    );
  }
  for (let k = 1; k < tokens.length; k++) {
    variants.add(
      tokens.slice(0, k).join('') +
        tokens
          .slice(k)
          .map((t) => t.charAt(0))
          .join(''),
    );
  }
  variants.add(tokens.map((t) => t.charAt(0)).join(''));
  return [...variants].filter((v) => v.length >= 2);
}

/** How well a name matches the sender's domain labels: 3 spells it, 2 prefix either way, 1 contains it, 0 none. */
/**
 * Memo of domainAffinity: a pure function of its inputs, so caching changes no result. Bounded so a
 * long-running pane cannot grow it without limit.
 */
const affinityCache = new Map<string, number>();

function domainAffinity(value: string, labels: readonly string[]): number {
  // Names repeat across candidates and calls; the answer depends only on the two inputs.
  const key = `${value}\u0000${labels.join('.')}`;
  const cached = affinityCache.get(key);
  if (cached !== undefined) return cached;
  const affinity = computeDomainAffinity(value, labels);
  if (affinityCache.size > 5_000) affinityCache.clear();
  affinityCache.set(key, affinity);
  return affinity;
}

function computeDomainAffinity(value: string, labels: readonly string[]): number {
  if (labels.length === 0) return 0;
  let affinity = 0;
  for (const raw of labels) {
    const label = raw.replace(/-/g, '');
    if (label.length < 3) continue;
    for (const variant of squashVariants(value)) {
      if (variant === label) return 3;
      if (
        (variant.length >= 4 && label.startsWith(variant)) ||
        (label.length >= 5 && variant.startsWith(label))
      ) {
        affinity = Math.max(affinity, 2);
      } else if (label.length >= 5 && variant.includes(label)) affinity = Math.max(affinity, 1);
    }
  }
  return affinity;
}

/** Trims words off a capitalised run: legal suffixes ("Ltd"), departments ("Careers"), trailing connectors. */
function tidyCompany(tokens: string[], compiled: CompiledExtraction): string[] {
  const kept = [...tokens];
  for (;;) {
    const last = kept[kept.length - 1];
    if (last === undefined) break;
    const lower = last.toLowerCase();
    // "Crumb & Co" is the name itself; "Acme Co." ends in a legal form.
    const joined = /^(?:&|and)$/i.test(kept[kept.length - 2] ?? '') && /^co\.?$/i.test(last);
    if (
      kept.length > 1 &&
      !joined &&
      (compiled.legalSuffixes.has(lower) || compiled.legalSuffixes.has(lower.replace(/\.$/, '')))
    ) {
      kept.pop();
      continue;
    }
    if (kept.length > 1 && compiled.connectors.has(lower)) {
      kept.pop();
      continue;
    }
    const tail = kept.join(' ').toLowerCase();
    const department = compiled.departmentEndings.find(
      (ending) => kept.length > ending.count && tail.endsWith(ending.spaced),
    );
    if (department) {
      kept.splice(kept.length - department.count);
      continue;
    }
    break;
  }
  return kept;
}

/** A role noun that names a person ("Engineer", "Manager"), which ends a company name; "Analytics" does not. */
function isPersonRole(lower: string, compiled: CompiledExtraction): boolean {
  return (
    compiled.roleNouns.has(lower) &&
    /(?:er|or|ist|ant|ent|ian|ee|lead|head|intern|rep|vp|cto|ceo|cfo|coo)$/.test(lower)
  );
}

function isCompanyToken(token: string, compiled: CompiledExtraction): boolean {
  const lower = token.toLowerCase();
  if (compiled.legalSuffixes.has(lower)) return true;
  if (/^(?:i|we|you|they|he|she|it)[’'](?:m|re|ll|ve|d|s)$/i.test(token)) return false;
  return isCapitalized(token) || (compiled.connectors.has(lower) && lower !== 'for' && lower !== 'in');
}

/**
 * True when leadingCompany(phrase, …) is surely null, read off the first word alone: a lower-case word that
 * is not "the" (with more to follow), a legal suffix or a connector stops the name before it starts
 * ("with last week's notes"), and a name with no word is none. The same steps as its first round.
 */
function startsNoCompany(phrase: string, compiled: CompiledExtraction): boolean {
  const code = phrase.charCodeAt(0);
  if (!(code >= 97 && code <= 122)) return false;
  const space = phrase.search(/\s/);
  const token = space < 0 ? phrase : phrase.slice(0, space);
  const lower = token.replace(/[,;:!?)"”]+$/, '').toLowerCase();
  if (lower === 'the' && /\S/.test(phrase.slice(token.length))) return false;
  if (compiled.legalSuffixes.has(lower)) return false;
  return !(compiled.connectors.has(lower) && lower !== 'for' && lower !== 'in');
}

/** The capitalised company name at the start of a phrase ("Acme Robotics and we …" → "Acme Robotics"), or null. */
function leadingCompany(
  phrase: string,
  compiled: CompiledExtraction,
  nextWord: string,
  keepThe = false,
): string | null {
  const key = `l${keepThe ? 1 : 0}${keyPart(nextWord)}${phrase}`;
  return remembered(compiled, key, () => readLeadingCompany(phrase, compiled, nextWord, keepThe));
}

function readLeadingCompany(
  phrase: string,
  compiled: CompiledExtraction,
  nextWord: string,
  keepThe: boolean,
): string | null {
  const tokens = words(phrase);
  const kept: string[] = [];
  let stoppedAt = tokens.length;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const clean = token.replace(/[,;:!?)"”]+$/, '');
    // A name written on its own as "The Red Lion" (sender, signature line) keeps its "The".
    if (keepThe && i === 0 && clean === 'The' && i + 1 < tokens.length) {
      kept.push(clean);
      continue;
    }
    if (kept.length === 0 && clean.toLowerCase() === 'the' && i + 1 < tokens.length) continue;
    const possessive = /[’']s$/.test(clean) && kept.length > 0 && !isCapitalized(tokens[i + 1] ?? 'x');
    const core = possessive ? clean.replace(/[’']s$/, '') : clean;
    // "the Bilingual Support Agent": a capitalised run that ends in a role is a job title, not a company.
    if (kept.length > 0 && isPersonRole(bare(core), compiled)) return null;
    if (!isCompanyToken(core, compiled)) {
      stoppedAt = i;
      break;
    }
    const endsSentence =
      /\.$/.test(core) && !compiled.legalSuffixes.has(core.toLowerCase()) && !/^(?:st|mt|dr)\.$/i.test(core);
    kept.push(endsSentence ? core.replace(/\.$/, '') : core);
    // Six words, not counting joining words ("St Mark's C of E Primary School").
    const named = kept.filter((word) => !compiled.connectors.has(word.toLowerCase())).length;
    if (endsSentence || core !== token || possessive || named >= 6) {
      stoppedAt = endsSentence || core !== token ? -1 : i + 1;
      break;
    }
  }
  // "the Halifax branch": a place, not the company; but "Khalid Fresh Foods warehouse" is the company's.
  const following = stoppedAt < 0 ? '' : stoppedAt < tokens.length ? (tokens[stoppedAt] ?? '') : nextWord;
  const namesItsKind = compiled.businessNouns.has(bare(kept[kept.length - 1] ?? ''));
  if (compiled.placeNouns.has(bare(following)) && !namesItsKind) return null;
  const tidied = tidyCompany(kept, compiled);
  // "The Marlowe & Finch Recruitment Team": a "The" belongs to the name only when the whole line is the name.
  if (tidied[0] === 'The' && tidied.length < kept.length) tidied.shift();
  return acceptCompany(tidied, compiled);
}

/** The capitalised run at the end of a phrase ("pleased to say that Ridgeback Construction"), or null. */
function trailingCompany(phrase: string, compiled: CompiledExtraction): string | null {
  return remembered(compiled, `r${phrase}`, () => readTrailingCompany(phrase, compiled));
}

function readTrailingCompany(phrase: string, compiled: CompiledExtraction): string | null {
  const tokens = words(phrase);
  const kept: string[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = (tokens[i] ?? '').replace(/[’']s$/, '');
    if (/[,;:!?.]$/.test(token) && i !== tokens.length - 1) break;
    if (!isCompanyToken(token, compiled)) break;
    kept.unshift(token);
    if (kept.length >= 6) break;
  }
  while (kept.length > 0 && compiled.connectors.has((kept[0] ?? '').toLowerCase())) kept.shift();
  while (kept.length > 1 && /^the$/i.test(kept[0] ?? '')) kept.shift();
  return acceptCompany(tidyCompany(kept, compiled), compiled);
}

/** Endings of words for a person in a role ("associate", "analyst"), unlike a field ("engineering", "analytics"). */
const PERSON_ROLE_ENDING = /(?:er|or|ist|ant|ate|ive|ian|ent|eer|man|woman|person|lead|head|chef|nurse)$/;

function acceptCompany(tokens: readonly string[], compiled: CompiledExtraction): string | null {
  if (tokens.length === 0) return null;
  const value = tokens
    .join(' ')
    .trim()
    .replace(/[’']s$/, '');
  if (value.length < 2 || PLACEHOLDER.test(value) || /^\d+$/.test(value)) return null;
  if (/^\d+[a-z]?\s+\p{L}/u.test(value)) return null; // "40 Bishopsgate": an address
  if (/^\d[\d.:]*\s*(?:am|pm)?$/i.test(value)) return null; // "1.15pm": a time
  // "Thu 12 Mar 2026": a date from a calendar subject, not a company.
  if (compiled.dateWords.has(bare(tokens[0] ?? ''))) return null;
  if (compiled.notCompanyWords.has(value.toLowerCase())) return null;
  if (tokens.every((t) => compiled.legalSuffixes.has(t.toLowerCase()))) return null;
  if (
    tokens.every(
      (t) =>
        compiled.notCompanyWords.has(t.toLowerCase()) ||
        compiled.roleNouns.has(bare(t)) ||
        compiled.honorifics.has(bare(t)),
    )
  ) {
    return null;
  }
  // "Store Associate", "Administrative Analyst II": a name that ends in a role is a job title, not a company.
  const last = tokens.filter((t) => !LEVEL_SUFFIX.test(t)).pop() ?? '';
  const lastWord = bare(last);
  if (tokens.length >= 2 && compiled.roleNouns.has(lastWord) && PERSON_ROLE_ENDING.test(lastWord))
    return null;
  // "Talent Acquisition", "People Team": a department's name alone says nothing about which company.
  if (
    compiled.departmentWords.includes(value.toLowerCase()) ||
    tokens.every((t) => compiled.departmentWords.includes(bare(t)))
  ) {
    return null;
  }
  return value;
}

/** A capitalised run of up to six words ("Cedar Ridge Valley", "Bank of Leeds"), compiled once. */
const CAPITALISED_RUN = new RegExp(
  `[${UPPER}\\d][${LETTER}0-9&'’.-]*(?:[ \\t]+(?:[${UPPER}\\d&][${LETTER}0-9&'’.-]*|of|and|de|the|for)){0,5}`,
  'g',
);

/** What `bare(token).charAt(0)` is, read off an ASCII letter or digit in front without building `bare`. */
function bareInitial(token: string): string {
  const code = token.charCodeAt(0);
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 38) return token.charAt(0);
  if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
  return bare(token).charAt(0);
}

/** Capitalised runs in the text that spell the sender's domain ("Crestview Pharmacy" for crestviewpharmacy.com). */
function findDomainNames(
  texts: readonly string[],
  labels: readonly string[],
  compiled: CompiledExtraction,
): string[] {
  if (labels.length === 0) return [];
  const found = new Set<string>();
  const initials = new Set(labels.map((label) => label.charAt(0)));
  // In an ASCII run, a word whose first letter or digit starts no label ends the search from it at once;
  // this finds whether any word of the run can start one (the same test, for the whole run).
  const initialSet = [...initials].filter((c) => /^[a-z0-9]$/.test(c)).join('');
  const mayStart =
    initialSet.length === initials.size
      ? new RegExp(`(?:^|[ \\t])[^A-Za-z0-9 \\t]*[${initialSet}]`, 'i')
      : null;
  const run = CAPITALISED_RUN;
  for (const text of texts) {
    run.lastIndex = 0;
    let match: RegExpExecArray | null;
    let n = 0;
    while ((match = run.exec(text)) !== null && n++ < 2_000) {
      if (
        compiled.shortcuts &&
        mayStart !== null &&
        /^[\x20-\x7e]*$/.test(match[0]) &&
        !mayStart.test(match[0])
      ) {
        continue;
      }
      const tokens = words(match[0]).map((t) => t.replace(/[.,]+$/, ''));
      for (let start = 0; start < tokens.length; start++) {
        // A span can spell a label only if its first letter starts the label (also for acronyms).
        const initial = bareInitial(tokens[start] ?? '');
        if (initial.length === 0 || !initials.has(initial)) continue;
        const first = bare(tokens[start] ?? '');
        // A word that does not begin a label can still start an acronym ("Cedar Ridge Valley" → crv…), but only in a run.
        if (start === tokens.length - 1 && !labels.some((label) => label.replace(/-/g, '').startsWith(first)))
          continue;
        // From each start, the span that spells the domain best, then the longest.
        let best: { value: string; affinity: number } | null = null;
        for (let end = tokens.length; end > start; end--) {
          const value = acceptCompany(tidyCompany(tokens.slice(start, end), compiled), compiled);
          const affinity = value === null ? 0 : domainAffinity(value, labels);
          if (value !== null && affinity >= 2 && (best === null || affinity > best.affinity))
            best = { value, affinity };
        }
        if (best !== null) found.add(best.value);
        // "Bitmost Software House" for bitmost.pl: the whole run, when it also says what kind of organisation
        // it is, so the full name can be preferred to the bare one.
        const whole = tokens.slice(start).join(' ');
        const last = bare(tokens[tokens.length - 1] ?? '');
        if (
          best !== null &&
          whole !== best.value &&
          tokens.length - start <= 6 &&
          (compiled.businessNouns.has(last) || compiled.institutionNouns.has(last)) &&
          acceptCompany(tidyCompany(tokens.slice(start), compiled), compiled) === whole &&
          domainAffinity(whole, labels) >= 2
        ) {
          found.add(whole);
        }
      }
      if (found.size >= 5) return [...found];
    }
  }
  return [...found];
}

/** How much of the quoted thread is searched for the sender's domain spelled out. */
const QUOTED_DOMAIN_CHARS = 8_000;
const SPELLING_TOKEN = new RegExp(`[${LETTER}0-9]+|&`, 'g');

/**
 * Words that spell a domain label exactly, written in any case and kept as written: "kowalczyk roofing"
 * for kowalczykroofing.com, "Bean & Leaf" for beanandleaf.co. Up to five words on one line; a single word
 * counts when it is capitalised or in the first text (the signature, where "@ thimble" names the employer).
 */
function findDomainSpelling(
  texts: readonly string[],
  labels: readonly string[],
  compiled: CompiledExtraction,
): string | null {
  for (const raw of labels) {
    const label = raw.replace(/-/g, '');
    if (label.length < 4 || !/^[a-z0-9]+$/.test(label)) continue;
    // A cheap first look: the label's letters with spaces allowed between them, "&" for "and".
    const loose = new RegExp(
      [...label].join('[ \\t]*').replace(/a\[ \\t\]\*n\[ \\t\]\*d/g, (and) => `(?:${and}|&)`),
      'i',
    );
    for (let t = 0; t < texts.length; t++) {
      const text = texts[t] ?? '';
      if (!loose.test(text)) continue;
      const tokens = [...text.matchAll(SPELLING_TOKEN)];
      for (let i = 0; i < tokens.length; i++) {
        let spelled = '';
        for (let j = i; j < tokens.length && j < i + 5; j++) {
          const token = tokens[j];
          if (token === undefined) break;
          if (j > i) {
            const before = tokens[j - 1];
            const gap = text.slice((before?.index ?? 0) + (before?.[0].length ?? 0), token.index);
            if (!/^[ \t]+$/.test(gap)) break;
          }
          spelled += token[0] === '&' ? 'and' : bare(token[0]);
          if (!label.startsWith(spelled)) break;
          if (spelled !== label) continue;
          const value = text.slice(tokens[i]?.index ?? 0, token.index + token[0].length);
          const single = j === i;
          if (single && t !== 0 && !isCapitalized(value)) break;
          const accepted = acceptCompany(words(value), compiled);
          if (accepted !== null) return accepted;
          break;
        }
      }
    }
  }
  return null;
}

/** The few lines under the signer's name (title, company), wherever the signature block sits. */
function linesAfterName(own: string, name: string): string[] {
  if (name.length < 2) return [];
  const lines = tailOf(own, 8_000).split('\n').slice(-80);
  const lower = name.toLowerCase();
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? '').replace(/^[|*\s>]+|[|*\s]+$/g, '').toLowerCase();
    // "Jade" / "Jade, Owner" / "Jade | Owner", but not "Jade's Hair Studio" (a name that starts with hers).
    const followed = /^[\s,|–—-]/.test(line.slice(lower.length));
    if (line === lower || (line.startsWith(lower) && followed && line.length < lower.length + 30)) {
      return lines
        .slice(i + 1, i + 5)
        .map((l) => l.trim())
        .filter((l) => l.length > 0 && l.length < 120);
    }
  }
  return [];
}

function extractCompany(
  sources: FieldSources,
  compiled: CompiledExtraction,
  own: string,
  regions: readonly ScanRegion[],
  people: readonly string[],
): ExtractedField {
  const labels = domainLabels(sources.fromEmail);
  const subject = sources.subject.replace(SUBJECT_PREFIX, '');
  const fromName = sources.fromName.trim();
  // Under the signer's full name, else under the first name they sign with ("Farah" / "Smile Dental Clinic").
  const signer = people[0] ?? '';
  const underName = linesAfterName(sources.text.own, signer);
  const signatureLines = [
    ...new Set([
      ...sources.text.signature.slice(0, 8),
      ...(underName.length > 0 || !signer.includes(' ')
        ? underName
        : linesAfterName(sources.text.own, words(signer)[0] ?? '')),
    ]),
  ];
  const signatureText = signatureLines.join(' ');
  const agencyCompany = (value: string): boolean => {
    const lower = ` ${value.toLowerCase()} `;
    return compiled.agencyWords.some((word) => lower.includes(` ${word} `));
  };
  // An agency's own name says "Recruitment" or "Staffing"; an in-house "Recruitment Team" is a department.
  const inHouseSender = compiled.departmentWords.some((word) =>
    ` ${fromName.toLowerCase()} `.includes(` ${word} `),
  );
  const isAgency =
    compiled.agencyCue.test(own.slice(0, 8_000)) ||
    (agencyCompany(fromName) && !inHouseSender) ||
    labels.some((label) => compiled.agencyStems.some((stem) => label.includes(stem)));

  const raw: { value: string; evidence: string; score: number; names: boolean }[] = [];
  // Both checks depend only on the value here; digests repeat the same few names dozens of times.
  const personOnly = memoize(
    (value) => looksLikePerson(value, compiled, false) && domainAffinity(value, labels) === 0,
  );
  const namesPerson = memoize((value) =>
    people.some((person) => person.length > 0 && sameName(person, value, compiled)),
  );
  const add = (value: string | null, evidence: string, score: number, namesEmployer = false): void => {
    if (value === null) return;
    // "with Hannah Goldberg": a person's name found by a loose pattern is not a company.
    if (score <= 3 && !namesEmployer && personOnly(value)) return;
    if (namesPerson(value)) return;
    raw.push({ value, evidence, score, names: namesEmployer });
  };

  // Keyed by the capture and the word after it (a word holds no space), the two inputs of leadingCompany.
  const leading = memoize((key) => {
    const split = key.lastIndexOf(' ');
    return leadingCompany(key.slice(0, split), compiled, key.slice(split + 1));
  });
  const trailing = memoize((capture) => trailingCompany(capture, compiled));
  scanPatterns(compiled.companyPatterns, regions, ({ capture, quote, nextWord }, weight, where) => {
    if (compiled.shortcuts && startsNoCompany(capture, compiled)) return;
    const value = leading(`${capture} ${nextWord}`);
    if (value !== null) add(value, `${where}: “${quote.trim()}”`, weight);
  });
  scanPatterns(compiled.companyLeadPatterns, regions, ({ capture, quote }, weight, where) => {
    const value = trailing(capture);
    if (value !== null) add(value, `${where}: “${quote.trim()}”`, weight, weight >= 6);
  });

  for (const line of own.split('\n', 400)) {
    const label = compiled.companyLabel.exec(line.trim());
    if (label?.[1]) add(leadingCompany(label[1], compiled, ''), `“${line.trim()}”`, 5);
    // A place line counts too little to name the employer alone; it can give the chosen name in full.
    const place = compiled.placeLabel?.exec(line.trim());
    if (place?.[1]) add(leadingCompany(place[1], compiled, ''), `“${line.trim()}”`, 1);
    // "Ops & People @ Little Loom Studio": a role or team "@" the company (a pattern cannot start at "@").
    const at = line.indexOf(' @ ');
    if (at > 0) add(leadingCompany(line.slice(at + 3), compiled, ''), `text: “${line.trim()}”`, 3);
  }

  // Signature lines: "Technical Recruiter | Northwind Analytics", "Halcyon Freight". The first name on a
  // line counts more than later ones ("Norteq | Guadalajara · Monterrey"); after a role, a unit
  // ("Associate Professor, Department of Geosciences") names where the signer works inside the employer.
  const senderName = cleanSenderName(fromName).toLowerCase();
  for (const line of signatureLines) {
    if (/@|https?:|www\.|\d{3}/.test(line) || startsWithPlatformCue(line, compiled)) continue;
    const parts = line.split(/\s*[|,·•]\s*|\s+[-–—]\s+|\s+at\s+|\s+@\s+/);
    let afterRole = false;
    let named = 0;
    for (const part of parts) {
      const trimmed = part.replace(/^[|*\s]+|[|*\s]+$/g, '');
      if (trimmed.length === 0) continue;
      if (hasRoleNoun(trimmed, compiled)) {
        afterRole = true;
        continue;
      }
      if (words(trimmed).length > 6) continue;
      if (looksLikePerson(trimmed, compiled, false) && domainAffinity(trimmed, labels) === 0) continue;
      // "RAJESH PATEL" signing under the same sender name is the person, however it is cased.
      if (trimmed.toLowerCase() === senderName && domainAffinity(trimmed, labels) === 0) continue;
      if (afterRole && compiled.unitWords.has(bare(words(trimmed)[0] ?? ''))) continue;
      add(
        leadingCompany(trimmed, compiled, '', parts.length === 1),
        `signature: “${line}”`,
        afterRole ? 1 : named === 0 ? 3 : 2,
      );
      named++;
    }
  }

  // The sender's display name: "Lumen Health Careers", "Sarah Chen (Acme)", "Cobalt Commerce via Recruitara".
  // A hiring platform's name ("Taleo", "GoodTime Scheduling for Halcyon", "Trac Jobs (Ashworth …)") is
  // never the employer; the employer it names after "for"/"on behalf of" or in brackets is.
  if (fromName.length > 0) {
    const platformSender = isPlatformName(fromName);
    const bracket = /[([]([^)\]]{2,60})[)\]]/.exec(fromName);
    if (bracket?.[1]) add(leadingCompany(bracket[1], compiled, ''), `sender: “${fromName}”`, 3);
    const atCompany = /\s(?:at|from|@|\||-|–|—)\s+(.{2,60})$/i.exec(fromName);
    if (atCompany?.[1]) add(leadingCompany(atCompany[1], compiled, ''), `sender: “${fromName}”`, 3);
    const forCompany = platformSender ? /\s(?:for|on behalf of)\s+(.{2,60})$/i.exec(fromName) : null;
    if (forCompany?.[1]) add(leadingCompany(forCompany[1], compiled, ''), `sender: “${fromName}”`, 4, true);
    const beforeVia = fromName.replace(/\s+via\s+.*$/i, '').replace(/\s*[([].*$/, '');
    const tokens = words(beforeVia);
    const sender = cleanPersonName(beforeVia, compiled);
    if (
      !platformSender &&
      (!looksLikePerson(sender, compiled, true) || domainAffinity(sender, labels) >= 2)
    ) {
      add(
        leadingCompany(tidyCompany(tokens, compiled).join(' '), compiled, '', true),
        `sender: “${fromName}”`,
        3,
      );
    }
  }

  // Names that spell the sender's domain, looked for only when no candidate found so far does.
  if (!raw.some((candidate) => domainAffinity(candidate.value, labels) === 3)) {
    const texts = [subject, signatureText, own.slice(0, 6_000), sources.text.quotedFirst.slice(0, 3_000)];
    const evidence = `spells the sender's domain (${sources.fromEmail.trim()})`;
    const found = findDomainNames(texts, labels, compiled);
    for (const value of found) add(value, evidence, 1);
    if (found.length === 0) {
      // The name written in any case ("kowalczyk roofing", "co-founder @ thimble") or further up the thread.
      const spelled = findDomainSpelling(
        [signatureText, subject, own.slice(0, 6_000), sources.text.quoted.slice(0, QUOTED_DOMAIN_CHARS)],
        labels,
        compiled,
      );
      if (spelled !== null) add(spelled, evidence, 1);
    }
  }

  // "Crestview Pharmacy has invited you", sent by a job board or an agency: the sender's own name is not the
  // employer, so names that spell the sender's domain lose instead of win.
  const onBehalf = isAgency || raw.some((c) => c.names && domainAffinity(c.value, labels) === 0);
  const pool = new CandidatePool();
  for (const candidate of raw) {
    const affinity = domainAffinity(candidate.value, labels);
    let score = candidate.score;
    if (onBehalf) {
      if (affinity > 0 || agencyCompany(candidate.value)) score -= 5;
    } else {
      // Spelling the domain exactly beats sharing a prefix: "Harbor & Pine" over "Harbor & Pine Home Goods".
      score += [0, 2, 3, 6][affinity] ?? 0;
    }
    pool.add(candidate.value, candidate.evidence, score);
  }

  // Hiring platforms and job boards name themselves in footers ("Powered by TalentGrid"): never the employer.
  const platforms: string[] = [];
  const platformCue = compiled.platformCue;
  platformCue.lastIndex = 0;
  let cue: RegExpExecArray | null;
  let cues = 0;
  while ((cue = platformCue.exec(`${own}\n${fromName}`)) !== null && cues++ < 20) {
    const name = leadingCompany(cue[1] ?? '', compiled, '');
    if (name !== null) platforms.push(name.toLowerCase());
  }
  for (const candidate of pool.all()) {
    const lower = candidate.value.toLowerCase();
    if (
      platforms.some((platform) => lower === platform || lower.startsWith(`${platform} `)) ||
      isPlatformName(candidate.value)
    )
      candidate.score -= 6;
  }

  const best = pool.best(2);
  if (best) {
    const fuller = fullerCompany(best, pool.all(), compiled);
    // "Housekeeping position - The Harbour View Hotel": the name as written on its own keeps its "The".
    const value = writtenWithThe(fuller.value, [subject, fromName, ...signatureLines])
      ? `The ${fuller.value}`
      : fuller.value;
    return { value, evidence: fuller.evidence };
  }

  // Last resort, as the issue allows: the sender's own domain when it is not free mail, a hiring platform or an
  // agency, and short enough to be one brand ("orbitpay.com" -> "Orbitpay"). A long label is most likely
  // several words run together ("northwindanalytics.com"), whose spelling the address does not give: unknown.
  const guessable = !NOT_GUESSABLE_DOMAIN.test(senderDomain(sources.fromEmail));
  const label = labels[labels.length - 1];
  if (
    guessable &&
    !onBehalf &&
    label !== undefined &&
    /^[a-z]{3,12}$/.test(label) &&
    !compiled.notCompanyWords.has(label)
  ) {
    const value = label.charAt(0).toUpperCase() + label.slice(1);
    return { value, evidence: `only the sender's address names it: ${sources.fromEmail.trim()}` };
  }
  return UNKNOWN;
}

/** A name's words, lower-case and without possessive endings, for comparing names: "St Piran's" → "st piran". */
function nameKey(value: string): string {
  return ` ${words(value.toLowerCase().replace(/[’']s\b/g, '')).join(' ')} `;
}

/**
 * The employer's full name, when the email also writes one that contains the chosen name and ends in what
 * kind of organisation it is: "Riverina" (from the domain) → "Riverina Base Hospital", "FreshWay" →
 * "FreshWay Supermarkets", "St Piran" → "St Piran's Community Primary School", "NHS" → "St Mark's Hospital
 * NHS Foundation Trust", "Crumb" → "Crumb & Co"; and "The Red Lion" when the name is written with its "The".
 */
function fullerCompany(
  best: Candidate,
  candidates: readonly Candidate[],
  compiled: CompiledExtraction,
): Candidate {
  const key = nameKey(best.value);
  const size = words(best.value).length;
  // Every fuller name contains the chosen name's last word (possessive aside): a cheap first test.
  const lastWord = (words(key).pop() ?? '').toLowerCase();
  let fuller: Candidate | null = null;
  for (const candidate of candidates) {
    if (candidate === best || candidate.score < 1) continue;
    if (!candidate.value.toLowerCase().includes(lastWord)) continue;
    const candidateKey = nameKey(candidate.value);
    if (candidateKey === key || !candidateKey.includes(key)) continue;
    const tokens = words(candidate.value);
    if (tokens.length > size + 5) continue;
    const last = bare(tokens[tokens.length - 1] ?? '');
    const withThe = candidateKey === ` the${key}`;
    // "University of Carrowmore": the kind of organisation may also come first.
    const first = bare(tokens[0] ?? '');
    const kind =
      compiled.institutionNouns.has(last) ||
      compiled.businessNouns.has(last) ||
      /^co$/.test(last) ||
      compiled.institutionNouns.has(first) ||
      compiled.businessNouns.has(first);
    if (!withThe && !kind) continue;
    // Beyond an institution's name, a name read only in passing (not the sender's or signature's own) is not
    // trusted to extend the chosen one.
    const ownName = /^(?:sender|signature):/.test(candidate.evidence);
    if (!compiled.institutionNouns.has(last) && !ownName && candidate.score < best.score / 3) continue;
    if (fuller === null || candidate.score > fuller.score) fuller = candidate;
  }
  if (fuller === null) return best;
  // "The Harbour View Hotel" over "Harbour View Hotel", and over a longer name that contains it.
  const withThe = candidates.find((c) => c !== fuller && nameKey(c.value) === ` the${nameKey(fuller.value)}`);
  return withThe ?? fuller;
}

/** "Powered by SmartRecruiters": a footer line naming the platform that sent the email. */
function startsWithPlatformCue(line: string, compiled: CompiledExtraction): boolean {
  compiled.platformCue.lastIndex = 0;
  const cue = compiled.platformCue.exec(line);
  return cue !== null && cue.index === 0;
}

/**
 * True when a name is written with a capital "The" where a name stands on its own (a line, after a dash,
 * bar, colon or "at"), not where "The" starts a sentence ("The Acme team would like…").
 */
function writtenWithThe(value: string, texts: readonly string[]): boolean {
  if (/^the\s/i.test(value) || !texts.some((text) => text.includes(`The ${value}`))) return false;
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const standing = new RegExp(`(?:^|[-–—|:@(]\\s*|\\bat\\s+)The ${escaped}(?=\\s*(?:$|[-–—|,.)]))`);
  return texts.some((text) => text.includes(`The ${value}`) && standing.test(text.trim()));
}

/** The first word of every platform name: most names are ruled out by one set lookup. */
const PLATFORM_FIRST_WORDS = new Set(hiringPlatformNames.map((name) => name.split(' ')[0] ?? name));

/** Words a platform's sender name adds to the platform's own ("GoodTime Scheduling", "Trac Jobs"). */
const PLATFORM_SENDER_WORDS =
  /^(?:jobs|scheduling|recruiting|recruitment|careers|hiring|notifications?|talent|ats|team|for|on|via|\()/;

/**
 * True for a hiring platform's own name or a sender name made of one ("Taleo", "GoodTime Scheduling for
 * Halcyon", "Trac Jobs (Ashworth …)"), but not an employer whose name starts with the same word
 * ("Greenhouse Creative").
 */
function isPlatformName(value: string): boolean {
  const lower = value.toLowerCase().trim();
  if (!PLATFORM_FIRST_WORDS.has(/^[^\s:(]*/.exec(lower)?.[0] ?? '')) return false;
  return hiringPlatformNames.some((name) => {
    if (lower === name) return true;
    if (!lower.startsWith(name)) return false;
    const rest = lower.slice(name.length);
    return /^[:(]/.test(rest) || (/^\s/.test(rest) && PLATFORM_SENDER_WORDS.test(rest.trim()));
  });
}

/** All three fields, each with its evidence. Reads the subject, sender and the author's own text only. */
export function extractFields(sources: FieldSources, table: InvitationSignalTable): ExtractedFields {
  const compiled = compileExtraction(table);
  // "*Site Reliability Engineer*": bold markers left over from HTML are not part of names.
  const own = sources.text.own.slice(0, HEAD_CHARS).replace(/\*+/g, '');
  const hiringManager = extractHiringManager(sources, compiled);
  // The subject and the head of the text, which the title and company patterns read, indexed once.
  const regions = [
    scanRegion('subject', sources.subject.replace(SUBJECT_PREFIX, ''), 1, compiled),
    scanRegion('text', own, 0, compiled),
  ];
  const jobTitle = extractJobTitle(sources, compiled, own, regions);
  const people = [hiringManager.value ?? '', sources.candidateName, sources.text.addressee ?? ''];
  const company = extractCompany(sources, compiled, own, regions, people);
  // A sender taken for a person ("Cobalt Commerce via Hirestack") whom the text names as the inviting
  // organisation ("Cobalt Commerce has invited you") is the company, not the hiring manager.
  if (
    hiringManager.value !== null &&
    hiringManager.evidence?.startsWith('sender:') &&
    own.includes(hiringManager.value)
  ) {
    const asCompany = extractCompany(sources, compiled, own, regions, [
      sources.candidateName,
      sources.text.addressee ?? '',
    ]);
    if (
      asCompany.value?.toLowerCase() === hiringManager.value.toLowerCase() &&
      asCompany.evidence?.startsWith('text:')
    ) {
      return { hiringManager: { value: null, evidence: null }, jobTitle, company: asCompany };
    }
  }
  return { hiringManager, jobTitle, company };
}
