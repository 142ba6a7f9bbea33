import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const script = join(root, 'scripts/eval-detect.ts');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function evalDetect(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(tsx, [script, ...args], { cwd: root, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const tinyCorpus = [
  {
    id: 'invite-1',
    subject: 'Interview invitation – Data Analyst',
    from_name: 'Maya Ortiz',
    from_email: 'maya@quillfield.io',
    body: 'Hi Sam,\n\nWe would like to invite you to an interview for the Data Analyst role at Quillfield. Could you share your availability for next week?\n\nBest regards,\nMaya Ortiz\nRecruiter | Quillfield',
    label: true,
    fields: { hiring_manager: 'Maya Ortiz', job_title: 'data analyst', company: 'Quillfield' },
  },
  {
    id: 'reject-1',
    subject: 'Your application',
    from_name: 'Maya Ortiz',
    body: 'Hi Sam, thank you for interviewing with us. Unfortunately we have decided not to move forward with your application.',
    label: false,
    fields: { hiring_manager: 'Maya Ortiz', job_title: null, company: null },
  },
  {
    id: 'missed-invite',
    subject: 'hello',
    from_name: null,
    body: 'Nice to meet you at the fair.',
    label: true,
  },
];

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eval-detect-'));
  writeFileSync(join(dir, 'tiny.json'), JSON.stringify(tinyCorpus));
  writeFileSync(join(dir, 'broken.json'), '[{"id": "a", ');
  writeFileSync(join(dir, 'object.json'), JSON.stringify({ emails: [] }));
  writeFileSync(
    join(dir, 'no-label.json'),
    JSON.stringify([{ id: 'x', subject: null, from_name: null, body: 'hi' }]),
  );
  writeFileSync(join(dir, 'duplicate.json'), JSON.stringify([tinyCorpus[0], tinyCorpus[0]]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run eval:detect', () => {
  it('prints exactly one JSON object with the agreed keys for --json', async () => {
    const result = await evalDetect('--corpus', join(dir, 'tiny.json'), '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(
      ['f1', 'fields', 'fn', 'fp', 'misclassified', 'n', 'precision', 'recall', 'tn', 'tp'].sort(),
    );
    expect(report).toMatchObject({ n: 3, tp: 1, fp: 0, tn: 1, fn: 1, precision: 1, recall: 0.5 });
    expect(report.f1).toBeCloseTo(2 / 3, 3);
    expect(report.misclassified).toEqual(['missed-invite']);
    // Only non-null labelled values count; the match is case-insensitive ("data analyst").
    expect(report.fields).toEqual({
      hiring_manager: { n: 2, correct: 2 },
      job_title: { n: 1, correct: 1 },
      company: { n: 1, correct: 1 },
    });
  }, 60_000);

  it('prints a readable report with a confusion table and the misclassified ids', async () => {
    const result = await evalDetect('--corpus', join(dir, 'tiny.json'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Precision 1.0000   Recall 0.5000');
    expect(result.stdout).toMatch(/predicted invitation\s+1\s+0/);
    expect(result.stdout).toMatch(/predicted not\s+1\s+1/);
    expect(result.stdout).toContain('hiring_manager  100.0 % (2/2)');
    expect(result.stdout).toContain('Misclassified (1): missed-invite');
  }, 60_000);

  it.each([
    ['a missing file', 'missing.json', /missing\.json: file not found/],
    ['invalid JSON', 'broken.json', /broken\.json: invalid JSON/],
    ['an object instead of an array', 'object.json', /expected a JSON array of emails, got an object/],
    ['an email without a label', 'no-label.json', /email "x": "label" must be true or false/],
    ['duplicate ids', 'duplicate.json', /email "invite-1": duplicate id/],
  ])(
    'fails with one clear line and no stack trace on %s',
    async (_case, file, message) => {
      const result = await evalDetect('--corpus', join(dir, file), '--json');
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    },
    60_000,
  );

  it('rejects an unknown argument with a usage line', async () => {
    const result = await evalDetect('--corpuz', 'x.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown argument "--corpuz"/);
  }, 60_000);
});
