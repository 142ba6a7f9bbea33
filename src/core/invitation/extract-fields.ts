/**
 * Pulls the hiring manager, job title and company out of an email. Every value carries the text it came
 * from; when no source is convincing the value is null, never a guess dressed up as a fact.
 */

import type { ExtractedField, ExtractedFields } from './email-input';
import type { EmailText } from './read-email-text';
import { freeMailDomains, hiringPlatformDomains } from './signals/mail-domains';
import type { InvitationSignalTable } from './signals/signal-table';

export interface FieldSources {
  subject: string;
  fromName: string;
  fromEmail: string;
  candidateName: string;
  text: EmailText;
}

interface CompiledExtraction {
  titlePatterns: RegExp[];
  companyPatterns: RegExp[];
  selfIntroductions: RegExp[];
  nonPersonWords: Set<string>;
  roleNouns: Set<string>;
  notCompanyWords: Set<string>;
  connectors: Set<string>;
  companySuffixes: Set<string>;
  titleStopWords: Set<string>;
  subjectNoise: RegExp;
}

const cache = new WeakMap<InvitationSignalTable, CompiledExtraction>();

/** Up to eight words of letters, digits and the punctuation names and titles carry. */
const PHRASE =
  "((?:[\\p{L}\\p{N}][\\p{L}\\p{N}'’.+#&/-]*)(?:[ \\t](?:[\\p{L}\\p{N}&][\\p{L}\\p{N}'’.+#&/-]*)){0,7})";
const PERSON_NAME =
  "[\\p{Lu}][\\p{L}'’-]*\\.?(?:[ \\t]+(?:[\\p{Lu}][\\p{L}'’-]*\\.?|de|van|von|der|da|di|del|la|le|bin|al)){0,3}";

function compileExtraction(table: InvitationSignalTable): CompiledExtraction {
  const cached = cache.get(table);
  if (cached) return cached;
  const compiled: CompiledExtraction = {
    titlePatterns: table.titlePatterns.map((p) => new RegExp(`\\b${p.replace('{title}', PHRASE)}`, 'giu')),
    companyPatterns: table.companyPatterns.map(
      (p) => new RegExp(`\\b${p.replace('{company}', PHRASE)}`, 'giu'),
    ),
    selfIntroductions: table.selfIntroductions.map(
      (p) => new RegExp(`\\b${p.replace('{name}', `(${PERSON_NAME})`)}`, 'u'),
    ),
    nonPersonWords: new Set(table.nonPersonWords),
    roleNouns: new Set(table.roleNouns),
    notCompanyWords: new Set(table.notCompanyWords),
    connectors: new Set(table.nameConnectors),
    companySuffixes: new Set(table.companySuffixes),
    titleStopWords: new Set([
      'role',
      'position',
      'opening',
      'opportunity',
      'job',
      'vacancy',
      'post',
      'req',
      'requisition',
      'at',
      'with',
      'in',
      'on',
      'here',
      'team',
      'based',
      'which',
      'that',
      'who',
      'where',
      'interview',
      'interviews',
      'and',
      'or',
      'we',
      'i',
      'you',
      'is',
      'was',
      'will',
      'has',
      'have',
      'to',
      'from',
      'within',
      'into',
      'are',
      'last',
      'this',
      'next',
    ]),
    subjectNoise: /^(?:(?:re|fw|fwd|aw|wg)\s*:\s*)+/i,
  };
  cache.set(table, compiled);
  return compiled;
}

const UNKNOWN: ExtractedField = { value: null, evidence: null };
const PLACEHOLDER = /\{\{|\}\}|\{[a-z_]+\}|\[[A-Z_ ]+\]|%[A-Z_]+%|<[^>]*>/i;

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() || /^\d/.test(word);
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function firstToken(name: string): string {
  return (words(name)[0] ?? '').toLowerCase();
}

/** True when `name` could be the reader themselves: their own name, or the name the email greets. */
function isReader(name: string, sources: FieldSources): boolean {
  const candidates = [sources.candidateName, sources.text.addressee ?? ''].filter((n) => n.trim().length > 0);
  const tokens = words(name).map((w) => w.toLowerCase());
  return candidates.some((reader) => {
    if (sameName(name, reader)) return true;
    const readerTokens = words(reader).map((w) => w.toLowerCase());
    // "Jordan" greeted, "Jordan Lee" offered: the same person. Two different full names may share a first name.
    if (tokens.length === 1 || readerTokens.length === 1) return tokens[0] === readerTokens[0];
    return tokens.join(' ') === readerTokens.join(' ');
  });
}

// ---------------------------------------------------------------------------------------------------
// Hiring manager

/** "Chen, Sarah" → "Sarah Chen"; drops "via Greenhouse", "(Acme)", quotes and trailing titles. */
export function cleanSenderName(raw: string): string {
  let name = raw.replace(/["“”]/g, '').trim();
  name = name.replace(/\s+(?:via|from|at|@|\||-|–|—)\s+.*$/i, '').replace(/\s*[([].*$/, '');
  const comma = /^([\p{L}'’-]+),\s*([\p{L}'’. -]+)$/u.exec(name);
  if (comma?.[1] && comma[2]) name = `${comma[2].trim()} ${comma[1]}`;
  return name.replace(/\s+/g, ' ').trim();
}

function looksLikePerson(name: string, compiled: CompiledExtraction, allowSingle: boolean): boolean {
  if (name.length < 2 || name.length > 60 || PLACEHOLDER.test(name) || /[\d@/\\:;|_]/.test(name))
    return false;
  const tokens = words(name);
  if (tokens.length === 0 || tokens.length > 4 || (!allowSingle && tokens.length < 2)) return false;
  if (!new RegExp(`^${PERSON_NAME}$`, 'u').test(name)) return false;
  for (const token of tokens) {
    const lower = token.toLowerCase().replace(/[.'’]/g, '');
    if (
      compiled.nonPersonWords.has(lower) ||
      compiled.roleNouns.has(lower) ||
      compiled.notCompanyWords.has(lower)
    ) {
      return false;
    }
  }
  return true;
}

function extractHiringManager(sources: FieldSources, compiled: CompiledExtraction): ExtractedField {
  const { text } = sources;
  const sender = cleanSenderName(sources.fromName);
  const senderIsPerson = looksLikePerson(sender, compiled, false) && !isReader(sender, sources);
  const senderFirst = senderIsPerson ? firstToken(sender) : '';

  const candidates: { name: string; evidence: string; score: number }[] = [];
  const consider = (raw: string | null, evidence: string, score: number, allowSingle: boolean): void => {
    if (!raw) return;
    const name = raw.trim().replace(/[.,;:!]+$/, '');
    if (!looksLikePerson(name, compiled, allowSingle) || isReader(name, sources)) return;
    candidates.push({ name, evidence, score });
  };

  consider(text.signOffName, `signs off as “${text.signOff ?? ''}”`, 6, true);
  const firstSignatureLine = text.signature[0] ?? null;
  if (firstSignatureLine !== null)
    consider(firstSignatureLine, `signature: “${firstSignatureLine}”`, 5, true);

  // A name on its own line near the end, followed by a title or company line (no sign-off needed).
  const ownLines = text.own.split('\n').slice(-40);
  for (let i = 0; i < ownLines.length; i++) {
    const line = (ownLines[i] ?? '').trim();
    if (line.length === 0 || line.length > 40) continue;
    const next = (ownLines[i + 1] ?? '').trim();
    const previous = (ownLines[i - 1] ?? '').trim();
    if (next.length > 0 && next.length < 80 && previous.length === 0)
      consider(line, `signature: “${line}”`, 3, false);
  }
  for (const intro of compiled.selfIntroductions) {
    const match = intro.exec(text.own.slice(0, 4_000));
    if (match?.[1]) consider(match[1], `introduces themselves: “${match[0].trim()}”`, 4, false);
  }

  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (best) {
    const single = words(best.name).length === 1;
    if (single && senderIsPerson && firstToken(best.name) === senderFirst) {
      return {
        value: sender,
        evidence: `${best.evidence}; full name from the sender “${sources.fromName.trim()}”`,
      };
    }
    if (!single) return { value: best.name, evidence: best.evidence };
    // A first name alone is still the signer; the sender's full name is used only when it matches.
    if (!senderIsPerson) return { value: best.name, evidence: best.evidence };
  }
  if (senderIsPerson) return { value: sender, evidence: `sender: “${sources.fromName.trim()}”` };
  if (best) return { value: best.name, evidence: best.evidence };
  return UNKNOWN;
}

// ---------------------------------------------------------------------------------------------------
// Job title

const LEVEL_SUFFIX = /^(?:i{1,3}|iv|v|[1-5]|l[1-7])$/i;

/** Trims a captured phrase to the job title inside it, or null when it does not read as a title. */
function trimTitle(phrase: string, compiled: CompiledExtraction, requireCapitals: boolean): string | null {
  const tokens = words(phrase);
  while (
    tokens.length > 0 &&
    /^(?:the|a|an|our|your|this|open|new|exciting|following)$/i.test(tokens[0] ?? '')
  ) {
    tokens.shift();
  }
  const kept: string[] = [];
  for (const token of tokens) {
    const bare = token.replace(/[.,;:!?)]+$/, '');
    const lower = bare.toLowerCase();
    if (kept.length > 0 && compiled.titleStopWords.has(lower) && !(lower === 'and' || lower === 'in')) break;
    if (kept.length === 0 && compiled.titleStopWords.has(lower)) return null;
    if ((lower === 'and' || lower === 'in') && kept.length > 0) {
      kept.push(bare);
      continue;
    }
    kept.push(bare);
    if (bare !== token) break; // punctuation ends the title
    if (kept.length >= 7) break;
  }
  // Cut after the last role noun (plus a level like "II").
  let lastRole = -1;
  for (let i = 0; i < kept.length; i++) {
    if (compiled.roleNouns.has((kept[i] ?? '').toLowerCase().replace(/[^a-z]/g, ''))) lastRole = i;
  }
  let end = lastRole + 1;
  if (lastRole >= 0 && LEVEL_SUFFIX.test(kept[lastRole + 1] ?? '')) end++;
  let title = lastRole >= 0 ? kept.slice(0, end) : kept;
  while (title.length > 0 && /^(?:and|of|in|for|&|-)$/i.test(title[title.length - 1] ?? ''))
    title = title.slice(0, -1);
  if (title.length === 0 || title.length > 7) return null;
  if (lastRole < 0) {
    // Without a role noun, accept only a short capitalised phrase.
    if (title.length > 4 || !title.every((t) => isCapitalized(t) || compiled.connectors.has(t.toLowerCase())))
      return null;
  }
  if (requireCapitals && !isCapitalized(title[0] ?? '')) return null;
  const value = title.join(' ');
  if (PLACEHOLDER.test(value) || value.length < 2) return null;
  if (
    title.every(
      (t) => compiled.notCompanyWords.has(t.toLowerCase()) || compiled.nonPersonWords.has(t.toLowerCase()),
    )
  ) {
    return null;
  }
  return value;
}

function extractJobTitle(sources: FieldSources, compiled: CompiledExtraction, own: string): ExtractedField {
  const subject = sources.subject.replace(compiled.subjectNoise, '');
  const scores = new Map<string, { value: string; evidence: string; score: number }>();
  const add = (value: string | null, evidence: string, score: number): void => {
    if (value === null) return;
    const key = value.toLowerCase();
    const known = scores.get(key);
    if (known) known.score += Math.min(score, 2);
    else scores.set(key, { value, evidence, score });
  };

  compiled.titlePatterns.forEach((pattern, rank) => {
    for (const [where, text, bonus] of [
      ['subject', subject, 1],
      ['text', own, 0],
    ] as const) {
      pattern.lastIndex = 0;
      let match: RegExpExecArray | null;
      let n = 0;
      while ((match = pattern.exec(text)) !== null && n++ < 20) {
        const phrase = match[1] ?? '';
        // Lower-case titles ("the ops analyst role") are trusted only from the explicit "X role" patterns.
        const value = trimTitle(phrase, compiled, rank > 2);
        if (value && hasRoleNoun(value, compiled))
          add(value, `${where}: “${match[0].trim()}”`, 6 - rank + bonus);
        else if (value && rank <= 2) add(value, `${where}: “${match[0].trim()}”`, 3 - rank + bonus);
      }
    }
  });

  // Subject segments: "Phone screen – Senior Data Engineer", "Senior Data Engineer interview | Acme".
  for (const segment of subject.split(/\s+[-–—|:]\s+|:\s+|\s*\|\s*|\s+at\s+|\s+with\s+/i)) {
    const cleaned = segment
      .replace(/\b(?:interview|invitation|invite|phone screen|next steps?|screen|call|chat)\b/gi, ' ')
      .trim();
    const value = trimTitle(cleaned, compiled, true);
    if (value && hasRoleNoun(value, compiled) && isCapitalized(value))
      add(value, `subject: “${sources.subject.trim()}”`, 4);
  }

  let best: { value: string; evidence: string; score: number } | undefined;
  for (const candidate of scores.values()) if (!best || candidate.score > best.score) best = candidate;
  return best ? { value: best.value, evidence: best.evidence } : UNKNOWN;
}

function hasRoleNoun(title: string, compiled: CompiledExtraction): boolean {
  return words(title).some((word) => compiled.roleNouns.has(word.toLowerCase().replace(/[^a-z]/g, '')));
}

// ---------------------------------------------------------------------------------------------------
// Company

/** The labels of the sender's domain that could name the employer, or [] for free-mail and platforms. */
function domainLabels(fromEmail: string): string[] {
  const at = fromEmail.lastIndexOf('@');
  if (at < 0) return [];
  const domain = fromEmail
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/[>\s].*$/, '');
  if (domain.length === 0 || freeMailDomains.includes(domain)) return [];
  const labels = domain.split('.').filter((label) => label.length > 0);
  if (labels.length < 2) return [];
  // Drop the public suffix: "acme.co.uk" → ["acme"], "careers.acme.com" → ["careers", "acme"].
  let suffixLength = 1;
  const secondLast = labels[labels.length - 2] ?? '';
  if (
    labels.length >= 3 &&
    /^(?:co|com|org|net|ac|gov|edu)$/.test(secondLast) &&
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
      !/^(?:mail|email|e|careers?|jobs|hr|talent|recruiting|notifications?|no-?reply|info|www|m|t|news|em|send|bounce|reply)$/.test(
        label,
      ),
  );
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Trims a captured phrase to the capitalised company name at its start, or null. */
function trimCompany(phrase: string, compiled: CompiledExtraction): string | null {
  const tokens = words(phrase);
  const kept: string[] = [];
  for (const token of tokens) {
    const bare = token.replace(/(?:[’']s)?[.,;:!?)]*$/, '');
    const lower = bare.toLowerCase();
    const suffix = compiled.companySuffixes.has(lower) || compiled.companySuffixes.has(`${lower}.`);
    if (kept.length === 0 && (lower === 'the' || !isCapitalized(bare))) {
      if (lower === 'the') continue;
      return null;
    }
    if (
      !isCapitalized(bare) &&
      !suffix &&
      !(compiled.connectors.has(lower) && lower !== 'for' && lower !== 'in')
    )
      break;
    if (compiled.roleNouns.has(lower.replace(/[^a-z]/g, '')) && kept.length > 0 && !suffix) break;
    kept.push(suffix && /\.$/.test(token.replace(/[,;:!?)]*$/, '')) ? `${bare}.` : bare);
    if (bare !== token.replace(/[’']s$/, '') && !suffix) break;
    if (kept.length >= 5) break;
  }
  while (kept.length > 0 && compiled.connectors.has((kept[kept.length - 1] ?? '').toLowerCase())) kept.pop();
  if (kept.length === 0) return null;
  const value = kept
    .join(' ')
    .replace(/\.$/, (dot) =>
      compiled.companySuffixes.has(`${(kept[kept.length - 1] ?? '').toLowerCase()}`) ? dot : '',
    );
  if (value.length < 2 || PLACEHOLDER.test(value) || /^\d+$/.test(value)) return null;
  if (
    kept.every(
      (t) => compiled.notCompanyWords.has(t.toLowerCase()) || compiled.roleNouns.has(t.toLowerCase()),
    )
  )
    return null;
  if (compiled.notCompanyWords.has(value.toLowerCase())) return null;
  return value;
}

function extractCompany(
  sources: FieldSources,
  compiled: CompiledExtraction,
  own: string,
  excluded: readonly string[],
): ExtractedField {
  const labels = domainLabels(sources.fromEmail);
  const squashedLabels = labels.map(squash).filter((label) => label.length >= 3);
  const candidates = new Map<string, { value: string; evidence: string; score: number }>();
  const add = (value: string | null, evidence: string, score: number): void => {
    if (value === null) return;
    if (excluded.some((name) => name.length > 0 && sameName(name, value))) return;
    const key = value.toLowerCase();
    const known = candidates.get(key);
    if (known) {
      known.score += Math.min(score, 2);
      return;
    }
    const squashed = squash(value);
    const matchesDomain = squashedLabels.some(
      (label) =>
        label === squashed ||
        (squashed.length >= 4 && (label.startsWith(squashed) || squashed.startsWith(label))),
    );
    candidates.set(key, { value, evidence, score: score + (matchesDomain ? 4 : 0) });
  };

  const subject = sources.subject.replace(compiled.subjectNoise, '');
  compiled.companyPatterns.forEach((pattern, rank) => {
    const weight = rank === compiled.companyPatterns.length - 1 ? 1 : 3;
    for (const [where, text] of [
      ['subject', subject],
      ['text', own],
    ] as const) {
      pattern.lastIndex = 0;
      let match: RegExpExecArray | null;
      let n = 0;
      while ((match = pattern.exec(text)) !== null && n++ < 20) {
        add(trimCompany(match[1] ?? '', compiled), `${where}: “${match[0].trim()}”`, weight);
      }
    }
  });

  // Signature lines: "Technical Recruiter | Northwind Analytics", "Halcyon Freight".
  const signatureLines = [...sources.text.signature];
  for (const line of signatureLines.slice(0, 6)) {
    if (/@|https?:|www\.|\d{3}/.test(line)) continue;
    for (const part of line.split(/\s*[|,·•]\s*|\s+[-–—]\s+|\s+at\s+|\s+@\s+/)) {
      const trimmed = part.trim();
      if (trimmed.length === 0 || hasRoleNoun(trimmed, compiled)) continue;
      if (words(trimmed).length > 5) continue;
      add(trimCompany(trimmed, compiled), `signature: “${line}”`, 2);
    }
  }

  // The sender's display name: "Lumen Health Careers", "Sarah Chen (Acme)", "Acme via Greenhouse".
  const fromName = sources.fromName.trim();
  if (fromName.length > 0) {
    const bracket = /[([]([^)\]]{2,60})[)\]]/.exec(fromName);
    if (bracket?.[1]) add(trimCompany(bracket[1], compiled), `sender: “${fromName}”`, 3);
    const atCompany = /\s(?:at|from|@|\||-|–|—)\s+(.{2,60})$/i.exec(fromName);
    if (atCompany?.[1]) add(trimCompany(atCompany[1], compiled), `sender: “${fromName}”`, 3);
    const tokens = words(fromName.replace(/\s+via\s+.*$/i, ''));
    const systemWords = tokens.filter((t) => compiled.nonPersonWords.has(t.toLowerCase()));
    if (systemWords.length > 0) {
      const rest = tokens.filter((t) => !compiled.nonPersonWords.has(t.toLowerCase())).join(' ');
      if (rest.length > 0) add(trimCompany(rest, compiled), `sender: “${fromName}”`, 3);
    }
  }

  let best: { value: string; evidence: string; score: number } | undefined;
  for (const candidate of candidates.values()) if (!best || candidate.score > best.score) best = candidate;
  if (best && best.score >= 2) return { value: best.value, evidence: best.evidence };

  // Last resort: the sender's own domain, when it is not free mail or a hiring platform.
  const label = labels[labels.length - 1];
  if (label && /^[a-z][a-z-]{2,30}$/.test(label)) {
    const value = label
      .split('-')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join(' ');
    return { value, evidence: `sender's domain: ${sources.fromEmail.trim()}` };
  }
  return best ? { value: best.value, evidence: best.evidence } : UNKNOWN;
}

/** All three fields, each with its evidence. Reads the subject, sender and the author's own text only. */
export function extractFields(sources: FieldSources, table: InvitationSignalTable): ExtractedFields {
  const compiled = compileExtraction(table);
  const own = sources.text.own.slice(0, 16_384);
  const hiringManager = extractHiringManager(sources, compiled);
  const jobTitle = extractJobTitle(sources, compiled, own);
  const excluded = [
    hiringManager.value ?? '',
    jobTitle.value ?? '',
    sources.candidateName,
    sources.text.addressee ?? '',
  ];
  const company = extractCompany(sources, compiled, own, excluded);
  return { hiringManager, jobTitle, company };
}
