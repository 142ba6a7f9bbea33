import { describe, expect, it } from 'vitest';
import { createTokenSigner } from '../../../src/server/tracking/token-signer';

const OLD = 'old-secret-old-secret-old-secret-00';
const NEW = 'new-secret-new-secret-new-secret-11';

describe('createTokenSigner', () => {
  it('verifies what it signed and gives the value back', () => {
    const signer = createTokenSigner([NEW]);
    const token = signer.sign('pAAAA.with.dots');
    expect(signer.unsign(token)).toEqual({ valid: true, renew: false, value: 'pAAAA.with.dots' });
  });

  it('uses base64url tags only, so a token is safe in a URL path', () => {
    expect(createTokenSigner([NEW]).sign('value')).toMatch(/^value\.[A-Za-z0-9_-]{43}$/);
  });

  it('verifies every tag it issues (all 16 possible final characters of a 32-byte tag)', () => {
    const signer = createTokenSigner([NEW]);
    const tokens = Array.from({ length: 400 }, (_, i) => signer.sign(`value-${i}`));
    expect(tokens.every((token) => signer.unsign(token).valid)).toBe(true);
    expect(new Set(tokens.map((token) => token.slice(-1))).size).toBe(16);
  });

  it('still verifies tokens signed by a rotated-out key, and says they should be renewed', () => {
    const before = createTokenSigner([OLD]).sign('v');
    const rotated = createTokenSigner([NEW, OLD]);
    expect(rotated.unsign(before)).toEqual({ valid: true, renew: true, value: 'v' });
    expect(rotated.sign('v')).toBe(createTokenSigner([NEW]).sign('v'));
  });

  it('refuses a token from a key it does not hold', () => {
    expect(createTokenSigner([NEW]).unsign(createTokenSigner([OLD]).sign('v')).valid).toBe(false);
  });

  it.each([
    ['a changed value', (t: string) => `x${t}`],
    ['a flipped tag character', (t: string) => t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A')],
    ['a truncated tag', (t: string) => t.slice(0, -2)],
    ['no tag', (t: string) => t.slice(0, t.lastIndexOf('.'))],
    ['an empty string', () => ''],
    ['only a dot', () => '.'],
    ['non-base64 garbage', () => 'value.%%%%'],
    ['a tag with no value', (t: string) => t.slice(t.lastIndexOf('.'))],
  ])('refuses %s without throwing', (_label, mangle) => {
    const signer = createTokenSigner([NEW]);
    expect(signer.unsign(mangle(signer.sign('value')))).toEqual({ valid: false, renew: false, value: null });
  });

  /** The same 32 tag bytes spelled differently: Node's base64url decoder accepts every one of these. */
  const sameBytesOtherSpelling: [string, (tag: string) => string][] = [
    ['= padding', (tag) => `${tag}=`],
    ['== padding', (tag) => `${tag}==`],
    ['a trailing character outside the alphabet', (tag) => `${tag}!`],
    ['a space inside the tag', (tag) => `${tag.slice(0, 10)} ${tag.slice(10)}`],
    ['the standard base64 alphabet (+ and /)', (tag) => tag.replaceAll('-', '+').replaceAll('_', '/')],
    // 43 characters carry 258 bits; the last character's two low bits are not part of the 32 bytes.
    [
      'different unused bits in the last character',
      (tag) => {
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        const last = alphabet.indexOf(tag.slice(-1));
        return tag.slice(0, -1) + alphabet[last ^ 1];
      },
    ],
  ];

  it.each(sameBytesOtherSpelling)(
    'refuses a tag spelled with %s: only the exact issued token verifies',
    (_label, respell) => {
      const signer = createTokenSigner([NEW]);
      // Values whose tag contains - or _ so that every spelling above really differs from the original.
      const token = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8']
        .map((value) => signer.sign(value))
        .find((candidate) => /[-_]/.test(candidate.slice(candidate.lastIndexOf('.') + 1)));
      if (token === undefined) throw new Error('no sample tag with - or _');
      const dot = token.lastIndexOf('.');
      const variant = `${token.slice(0, dot)}.${respell(token.slice(dot + 1))}`;
      expect(variant).not.toBe(token);
      expect(Buffer.from(variant.slice(dot + 1), 'base64url')).toEqual(
        Buffer.from(token.slice(dot + 1), 'base64url'),
      );
      expect(signer.unsign(variant)).toEqual({ valid: false, renew: false, value: null });
    },
  );

  it('needs at least one key and a non-empty value', () => {
    expect(() => createTokenSigner([])).toThrow(TypeError);
    expect(() => createTokenSigner([NEW]).sign('')).toThrow(TypeError);
  });
});
