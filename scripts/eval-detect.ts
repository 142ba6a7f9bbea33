/**
 * Evaluates invitation detection and field extraction on a labelled corpus:
 *   npm run eval:detect -- [--corpus FILE] [--json]
 * Without --corpus it reads every test/fixtures/emails/*.json. Bad input ends with one clear line on
 * stderr and exit code 1 (2 for bad arguments); never a stack trace.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeInvitation } from '../src/core/invitation/analyze-invitation';
import type { EmailInput, InvitationAnalysis } from '../src/core/invitation/email-input';

export interface CorpusFields {
  hiring_manager: string | null;
  job_title: string | null;
  company: string | null;
}

export interface CorpusEmail {
  id: string;
  subject: string | null;
  from_name: string | null;
  from_email?: string | null;
  body: string;
  label: boolean;
  fields?: CorpusFields;
  item_class?: string | null;
  meeting?: { start?: string | null; end?: string | null; location?: string | null } | null;
  category?: string;
  verdict?: string;
  /** The file the email came from, when several files are read. */
  group?: string;
}

export interface FieldScore {
  n: number;
  correct: number;
}

export interface EvaluationReport {
  n: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  fields: { hiring_manager: FieldScore; job_title: FieldScore; company: FieldScore };
  misclassified: string[];
}

export class CorpusError extends Error {}

const FIELD_NAMES = ['hiring_manager', 'job_title', 'company'] as const;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function isNullableString(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

/** Checks one parsed corpus file; throws CorpusError naming the first problem. */
export function validateCorpus(data: unknown, source: string): CorpusEmail[] {
  if (!Array.isArray(data))
    throw new CorpusError(`${source}: expected a JSON array of emails, got ${describe(data)}`);
  const ids = new Set<string>();
  return data.map((entry: unknown, index): CorpusEmail => {
    const where = `${source}: email #${index + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new CorpusError(`${where} is ${describe(entry)}, expected an object`);
    }
    const email = entry as Record<string, unknown>;
    if (typeof email.id !== 'string' || email.id.length === 0)
      throw new CorpusError(`${where}: "id" must be a non-empty string`);
    const named = `${source}: email "${email.id}"`;
    if (ids.has(email.id)) throw new CorpusError(`${named}: duplicate id`);
    ids.add(email.id);
    if (!isNullableString(email.subject))
      throw new CorpusError(`${named}: "subject" must be a string or null`);
    if (!isNullableString(email.from_name))
      throw new CorpusError(`${named}: "from_name" must be a string or null`);
    if (email.from_email !== undefined && !isNullableString(email.from_email)) {
      throw new CorpusError(`${named}: "from_email" must be a string or null`);
    }
    if (typeof email.body !== 'string') throw new CorpusError(`${named}: "body" must be a string`);
    if (typeof email.label !== 'boolean') throw new CorpusError(`${named}: "label" must be true or false`);
    if (email.fields !== undefined) {
      const fields = email.fields as Record<string, unknown> | null;
      if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
        throw new CorpusError(`${named}: "fields" must be an object`);
      }
      for (const name of FIELD_NAMES) {
        if (fields[name] !== undefined && !isNullableString(fields[name])) {
          throw new CorpusError(`${named}: "fields.${name}" must be a string or null`);
        }
      }
    }
    if (email.item_class !== undefined && !isNullableString(email.item_class)) {
      throw new CorpusError(`${named}: "item_class" must be a string or null`);
    }
    if (
      email.meeting !== undefined &&
      email.meeting !== null &&
      (typeof email.meeting !== 'object' || Array.isArray(email.meeting))
    ) {
      throw new CorpusError(`${named}: "meeting" must be an object or null`);
    }
    return email as unknown as CorpusEmail;
  });
}

export function loadCorpusFile(path: string): CorpusEmail[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory'
          : `cannot read (${code ?? 'error'})`;
    throw new CorpusError(`${path}: ${why}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new CorpusError(`${path}: invalid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  return validateCorpus(data, path);
}

export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../test/fixtures/emails/', import.meta.url));

/** Every *.json in the folder, concatenated, each email tagged with its file name. */
export function loadCorpusDirectory(dir: string): CorpusEmail[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    throw new CorpusError(`${dir}: corpus folder not found`);
  }
  if (names.length === 0) throw new CorpusError(`${dir}: no *.json corpus files`);
  const emails = names.flatMap((name) =>
    loadCorpusFile(join(dir, name)).map((email) => ({ ...email, group: name.replace(/\.json$/, '') })),
  );
  const seen = new Set<string>();
  for (const email of emails) {
    if (seen.has(email.id)) throw new CorpusError(`${dir}: id "${email.id}" appears in more than one file`);
    seen.add(email.id);
  }
  return emails;
}

function toDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function toEmailInput(email: CorpusEmail): EmailInput {
  const input: EmailInput = {
    subject: email.subject,
    fromName: email.from_name,
    fromEmail: email.from_email ?? null,
    body: email.body,
    itemClass: email.item_class ?? null,
  };
  if (email.meeting) {
    input.meeting = {
      start: toDate(email.meeting.start),
      end: toDate(email.meeting.end),
      location: typeof email.meeting.location === 'string' ? email.meeting.location : null,
    };
  }
  return input;
}

function normalizeField(value: string): string {
  return value.trim().toLowerCase();
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

export interface EvaluatedEmail {
  email: CorpusEmail;
  analysis: InvitationAnalysis;
}

export function evaluate(emails: readonly CorpusEmail[]): {
  report: EvaluationReport;
  results: EvaluatedEmail[];
} {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  const fields = {
    hiring_manager: { n: 0, correct: 0 },
    job_title: { n: 0, correct: 0 },
    company: { n: 0, correct: 0 },
  };
  const misclassified: string[] = [];
  const results: EvaluatedEmail[] = [];
  for (const email of emails) {
    const analysis = analyzeInvitation(toEmailInput(email));
    results.push({ email, analysis });
    const predicted = analysis.verdict === 'invitation';
    if (predicted && email.label) tp++;
    else if (predicted && !email.label) fp++;
    else if (!predicted && !email.label) tn++;
    else fn++;
    if (predicted !== email.label) misclassified.push(email.id);
    const got = {
      hiring_manager: analysis.fields.hiringManager.value,
      job_title: analysis.fields.jobTitle.value,
      company: analysis.fields.company.value,
    };
    for (const name of FIELD_NAMES) {
      const expected = email.fields?.[name];
      if (typeof expected !== 'string' || expected.trim().length === 0) continue;
      fields[name].n++;
      const actual = got[name];
      if (actual !== null && normalizeField(actual) === normalizeField(expected)) fields[name].correct++;
    }
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    report: {
      n: emails.length,
      tp,
      fp,
      tn,
      fn,
      precision: round(precision),
      recall: round(recall),
      f1: round(f1),
      fields,
      misclassified,
    },
    results,
  };
}

function percent(score: FieldScore): string {
  return score.n === 0
    ? 'n/a (no labelled values)'
    : `${((100 * score.correct) / score.n).toFixed(1)} % (${score.correct}/${score.n})`;
}

export function formatReport(report: EvaluationReport, source: string): string {
  const pad = (value: string | number, width: number): string => String(value).padStart(width);
  const lines = [
    `Corpus: ${source} (${report.n} emails)`,
    '',
    `Precision ${report.precision.toFixed(4)}   Recall ${report.recall.toFixed(4)}   F1 ${report.f1.toFixed(4)}`,
    '',
    'Confusion (positive = predicted verdict "invitation"):',
    `                      labelled invitation   labelled not`,
    `  predicted invitation ${pad(report.tp, 19)} ${pad(report.fp, 14)}`,
    `  predicted not        ${pad(report.fn, 19)} ${pad(report.tn, 14)}`,
    '',
    'Field accuracy (case-insensitive trimmed exact match, where the corpus gives a value):',
    `  hiring_manager  ${percent(report.fields.hiring_manager)}`,
    `  job_title       ${percent(report.fields.job_title)}`,
    `  company         ${percent(report.fields.company)}`,
    '',
    report.misclassified.length === 0
      ? 'Misclassified: none'
      : `Misclassified (${report.misclassified.length}): ${report.misclassified.join(', ')}`,
  ];
  return lines.join('\n');
}

const VERDICTS = ['invitation', 'interview-logistics', 'not-invitation'] as const;

/**
 * When the corpus labels the three-way verdict (optional `verdict` key), how the predicted verdicts line
 * up with it: the binary metrics above cannot show logistics read as "not an invitation".
 */
export function formatVerdictTable(results: readonly EvaluatedEmail[]): string | null {
  const labelled = results.filter(({ email }) =>
    VERDICTS.includes(email.verdict as (typeof VERDICTS)[number]),
  );
  if (labelled.length === 0) return null;
  const counts = new Map<string, number>();
  for (const { email, analysis } of labelled) {
    const key = `${email.verdict}|${analysis.verdict}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const agree = labelled.filter(({ email, analysis }) => email.verdict === analysis.verdict).length;
  const width = 21;
  const lines = [
    '',
    `Three-way verdict (${labelled.length} emails with a "verdict" label; ${agree} agree):`,
    `  ${'labelled \\ predicted'.padEnd(width)}${VERDICTS.map((v) => v.padStart(width)).join('')}`,
    ...VERDICTS.map(
      (label) =>
        `  ${label.padEnd(width)}${VERDICTS.map((predicted) => String(counts.get(`${label}|${predicted}`) ?? 0).padStart(width)).join('')}`,
    ),
  ];
  return lines.join('\n');
}

interface CliOptions {
  corpus: string | null;
  json: boolean;
  verbose: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { corpus: null, json: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') options.json = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--corpus') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError('--corpus needs a file path');
      options.corpus = value;
    } else if (arg.startsWith('--corpus=')) options.corpus = arg.slice('--corpus='.length);
    else
      throw new UsageError(
        `unknown argument "${arg}" (usage: eval:detect [--corpus FILE] [--json] [--verbose])`,
      );
  }
  return options;
}

function verboseLines(results: readonly EvaluatedEmail[]): string {
  const lines: string[] = ['', 'Details (misclassified and wrong fields):'];
  for (const { email, analysis } of results) {
    const predicted = analysis.verdict === 'invitation';
    const wrong: string[] = [];
    const got = {
      hiring_manager: analysis.fields.hiringManager.value,
      job_title: analysis.fields.jobTitle.value,
      company: analysis.fields.company.value,
    };
    for (const name of FIELD_NAMES) {
      const expected = email.fields?.[name];
      if (typeof expected !== 'string' || expected.trim().length === 0) continue;
      const actual = got[name];
      if (actual === null || normalizeField(actual) !== normalizeField(expected)) {
        wrong.push(`${name}: expected "${expected}", got ${actual === null ? 'null' : `"${actual}"`}`);
      }
    }
    if (predicted === email.label && wrong.length === 0) continue;
    lines.push(
      `- ${email.id} [label ${email.label}, got ${analysis.verdict}/${analysis.category ?? '?'} ${analysis.confidence}]`,
    );
    if (predicted !== email.label) lines.push(...analysis.reasons.map((reason) => `    reason: ${reason}`));
    lines.push(...wrong.map((line) => `    ${line}`));
  }
  return lines.join('\n');
}

export function runCli(argv: readonly string[], out: (text: string) => void): void {
  const options = parseArgs(argv);
  const source = options.corpus === null ? DEFAULT_CORPUS_DIR : resolve(options.corpus);
  const emails = options.corpus === null ? loadCorpusDirectory(DEFAULT_CORPUS_DIR) : loadCorpusFile(source);
  const { report, results } = evaluate(emails);
  if (options.json) {
    out(JSON.stringify(report));
    return;
  }
  out(formatReport(report, options.corpus ?? 'test/fixtures/emails/*.json'));
  const verdicts = formatVerdictTable(results);
  if (verdicts !== null) out(verdicts);
  if (options.verbose) out(verboseLines(results));
}

const isEntryPoint =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isEntryPoint) {
  try {
    runCli(process.argv.slice(2), (text) => process.stdout.write(`${text}\n`));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`eval:detect: ${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof CorpusError) {
      process.stderr.write(`eval:detect: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`eval:detect: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
      process.exitCode = 1;
    }
  }
}
