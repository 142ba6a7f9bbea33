import { describe, expect, it } from 'vitest';
import { parseFromLine } from '../../src/preview/parse-from-line';

describe('parseFromLine', () => {
  it.each([
    ['Dana Whitfield <dana@example.com>', { name: 'Dana Whitfield', email: 'dana@example.com' }],
    ['"Whitfield, Dana" <dana@example.com>', { name: 'Whitfield, Dana', email: 'dana@example.com' }],
    ['<dana@example.com>', { name: null, email: 'dana@example.com' }],
    ['  dana@example.com ', { name: null, email: 'dana@example.com' }],
    ['Dana', { name: 'Dana', email: null }],
    ['', { name: null, email: null }],
  ])('reads %j', (line, expected) => {
    expect(parseFromLine(line)).toEqual(expected);
  });
});
