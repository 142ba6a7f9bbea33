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

  it('needs at least one key and a non-empty value', () => {
    expect(() => createTokenSigner([])).toThrow(TypeError);
    expect(() => createTokenSigner([NEW]).sign('')).toThrow(TypeError);
  });
});
