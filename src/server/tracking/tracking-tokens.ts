/**
 * The signed tokens in pixel and link URLs. A pixel token names a tracker; a link token names a tracker and
 * one of its links, so a link token cannot be re-pointed at another tracker or link. A separate kind of
 * token is a short-lived event-stream ticket for one account. Every kind is signed by the same TokenSigner,
 * with a distinct one-letter prefix so one kind never verifies as another.
 */
import { randomBytes } from 'node:crypto';
import type { TokenSigner } from './token-signer';

/** 128 random bits, base64url: the form of tracker and account ids. */
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function newRandomId(): string {
  return randomBytes(16).toString('base64url');
}

export function isRandomId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** What a genuine, unexpired event ticket says: whose stream it opens, and its own id for single use. */
export interface EventTicket {
  accountId: string;
  /** 96 random bits, base64url: unique to this ticket, so a stream can claim it once. */
  ticketId: string;
  expiresAt: Date;
}

export type TrackingToken =
  { kind: 'pixel'; trackerId: string } | { kind: 'link'; trackerId: string; linkIndex: number };

export interface TrackingTokens {
  pixelToken(trackerId: string): string;
  linkToken(trackerId: string, linkIndex: number): string;
  /** The verified content of a pixel or link token, or null for anything forged, garbled or unknown. */
  read(token: string): TrackingToken | null;
  /** A ticket that lets an EventSource (which cannot send headers) open the account's event stream. */
  eventTicket(accountId: string, expiresAt: Date): string;
  /** The content of a ticket that is genuine and unexpired at `now`, else null. */
  readEventTicket(ticket: string, now: Date): EventTicket | null;
}

export function createTrackingTokens(signer: TokenSigner): TrackingTokens {
  return {
    pixelToken: (trackerId) => signer.sign(`p${trackerId}`),
    linkToken: (trackerId, linkIndex) => signer.sign(`l${trackerId}${linkIndex}`),
    read(token) {
      if (token.length > 200) return null;
      const { valid, value } = signer.unsign(token);
      if (!valid || value === null) return null;
      const trackerId = value.slice(1, 23);
      if (!isRandomId(trackerId)) return null;
      if (value[0] === 'p' && value.length === 23) return { kind: 'pixel', trackerId };
      const index = value.slice(23);
      if (value[0] === 'l' && /^(0|[1-9]\d{0,2})$/.test(index)) {
        return { kind: 'link', trackerId, linkIndex: Number(index) };
      }
      return null;
    },
    eventTicket: (accountId, expiresAt) =>
      signer.sign(`t${accountId}${randomBytes(12).toString('base64url')}${expiresAt.getTime().toString(36)}`),
    readEventTicket(ticket, now) {
      if (ticket.length > 200) return null;
      const { valid, value } = signer.unsign(ticket);
      if (!valid || value === null || value[0] !== 't') return null;
      const accountId = value.slice(1, 23);
      const ticketId = value.slice(23, 39);
      const expiresText = value.slice(39);
      const expires = parseInt(expiresText, 36);
      if (
        !isRandomId(accountId) ||
        !/^[A-Za-z0-9_-]{16}$/.test(ticketId) ||
        !/^[0-9a-z]{1,11}$/.test(expiresText)
      )
        return null;
      if (expires <= now.getTime()) return null;
      return { accountId, ticketId, expiresAt: new Date(expires) };
    },
  };
}
