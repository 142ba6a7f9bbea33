import { describe, expect, it } from 'vitest';
import { createTokenSigner } from '../../../src/server/tracking/token-signer';
import { createTrackingTokens, isRandomId, newRandomId } from '../../../src/server/tracking/tracking-tokens';

const tokens = createTrackingTokens(createTokenSigner(['a-test-secret-of-sufficient-length-0']));
const trackerId = newRandomId();
const now = new Date('2026-11-02T10:00:00Z');

describe('tracking tokens', () => {
  it('makes 128-bit random ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, newRandomId));
    expect(ids.size).toBe(1000);
    expect([...ids].every(isRandomId)).toBe(true);
  });

  it('reads back a pixel token and a link token', () => {
    expect(tokens.read(tokens.pixelToken(trackerId))).toEqual({ kind: 'pixel', trackerId });
    expect(tokens.read(tokens.linkToken(trackerId, 7))).toEqual({ kind: 'link', trackerId, linkIndex: 7 });
  });

  it('binds a link token to its tracker and index: editing either breaks the signature', () => {
    const token = tokens.linkToken(trackerId, 1);
    const otherTracker = newRandomId();
    expect(tokens.read(token.replace(trackerId, otherTracker))).toBeNull();
    expect(tokens.read(token.replace(`${trackerId}1.`, `${trackerId}2.`))).toBeNull();
  });

  it('never accepts one kind of token as another', () => {
    const accountId = newRandomId();
    const ticket = tokens.eventTicket(accountId, new Date(now.getTime() + 60_000));
    expect(tokens.read(ticket)).toBeNull();
    expect(tokens.readEventTicket(tokens.pixelToken(trackerId), now)).toBeNull();
    expect(tokens.read(tokens.pixelToken(trackerId))?.kind).toBe('pixel');
  });

  it('accepts an event ticket for its account until it expires', () => {
    const accountId = newRandomId();
    const expiresAt = new Date(now.getTime() + 60_000);
    const ticket = tokens.eventTicket(accountId, expiresAt);
    expect(tokens.readEventTicket(ticket, now)).toEqual({
      accountId,
      ticketId: expect.any(String),
      expiresAt,
    });
    expect(tokens.readEventTicket(ticket, new Date(now.getTime() + 60_000))).toBeNull();
  });

  it('gives every event ticket its own id, even two for one account in the same instant', () => {
    const accountId = newRandomId();
    const expiresAt = new Date(now.getTime() + 60_000);
    const [a, b] = [tokens.eventTicket(accountId, expiresAt), tokens.eventTicket(accountId, expiresAt)];
    expect(a).not.toBe(b);
    expect(tokens.readEventTicket(a, now)?.ticketId).not.toBe(tokens.readEventTicket(b, now)?.ticketId);
  });

  it('refuses a token signed with another secret, and absurdly long input', () => {
    const foreign = createTrackingTokens(createTokenSigner(['another-secret-of-sufficient-length-1']));
    expect(tokens.read(foreign.pixelToken(trackerId))).toBeNull();
    expect(tokens.read('x'.repeat(10_000))).toBeNull();
  });
});
