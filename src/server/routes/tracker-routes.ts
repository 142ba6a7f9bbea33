/**
 * The authenticated tracker API: create (within the monthly quota), list with a keyset cursor, read one with
 * its latest events, page back through its older kept events, delete. Every read and delete is scoped to the
 * caller's account; another account's tracker is simply not found. Summaries come from the tally storage
 * keeps on each tracker, so no read grows with the number of hits.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { TrackerSummary } from '../../core/tracking/api-contract';
import { classifyHitRequest } from '../../core/tracking/classify-hit';
import { describeQuotaExceeded, quotaPeriodOf, quotaResetsAt } from '../../core/tracking/monthly-quota';
import { countsOfTally, describeHits } from '../../core/tracking/summarize-opens';
import { HttpError, notFound } from '../http/http-errors';
import { refuseUnstorableText } from '../http/storable-text';
import type { Account, HitCursor, TrackerCursor, TrackerWithTally } from '../storage/tracker-store';
import { linkTargetProblem } from '../tracking/link-target';
import { newRandomId } from '../tracking/tracking-tokens';
import {
  CreateTrackerBody,
  CreateTrackerReply,
  ErrorBody,
  ListEventsQuery,
  ListTrackersQuery,
  TrackerDetailSchema,
  TrackerEventPageSchema,
  TrackerIdParams,
  TrackerPageSchema,
} from '../schemas/api-schemas';

export const trackerRoutes: FastifyPluginAsyncTypebox = (app) => {
  const { store, clock, config, tokens } = app.deps;
  const errors = { '4xx': ErrorBody, '5xx': ErrorBody };

  app.post(
    '/trackers',
    { schema: { body: CreateTrackerBody, response: { 201: CreateTrackerReply, ...errors } } },
    async (request, reply) => {
      const account = accountOf(request.account);
      const { subject, recipient, template } = request.body;
      refuseUnstorableText({ subject, recipient, template });
      const links = request.body.links ?? [];
      links.forEach((link, index) => {
        const problem = linkTargetProblem(link);
        if (problem !== null) throw new HttpError(400, `links[${index}] ${problem}.`);
      });
      const now = clock.now();
      const creator = classifyHitRequest({ userAgent: request.headers['user-agent'], ip: request.ip });
      const id = newRandomId();
      const quota = config.monthlyTrackerQuota;
      const outcome = await store.createTracker(
        {
          id,
          accountId: account.id,
          subject: request.body.subject ?? null,
          recipient: request.body.recipient ?? null,
          template: request.body.template ?? null,
          links,
          creatorClientKey: creator.clientKey,
          createdAt: now,
        },
        quota === null ? null : { limit: quota, period: quotaPeriodOf(now) },
      );
      if (outcome === 'quota-exceeded') {
        const resetsInSeconds = Math.ceil((quotaResetsAt(now).getTime() - now.getTime()) / 1000);
        throw new HttpError(429, describeQuotaExceeded(quota ?? 0, now), {
          'retry-after': String(resetsInSeconds),
        });
      }
      return reply.code(201).send({
        id,
        pixelUrl: `${config.publicUrl}/p/${tokens.pixelToken(id)}.gif`,
        links: links.map((url, index) => ({
          url,
          trackedUrl: `${config.publicUrl}/l/${tokens.linkToken(id, index)}`,
        })),
        createdAt: now.toISOString(),
      });
    },
  );

  app.get(
    '/trackers',
    { schema: { querystring: ListTrackersQuery, response: { 200: TrackerPageSchema, ...errors } } },
    async (request) => {
      const account = accountOf(request.account);
      const after = request.query.cursor === undefined ? null : decodeCursor(request.query.cursor);
      const limit = request.query.limit === undefined ? 20 : Number(request.query.limit);
      const page = await store.listTrackers(account.id, { limit, after });
      return {
        trackers: page.trackers.map((entry) => toSummary(entry)),
        nextCursor: page.next ? encodeCursor(page.next) : null,
      };
    },
  );

  app.get(
    '/trackers/:id',
    { schema: { params: TrackerIdParams, response: { 200: TrackerDetailSchema, ...errors } } },
    async (request) => {
      const found = await store.getTracker(accountOf(request.account).id, request.params.id);
      if (!found) throw notFound('No tracker with this id in your account.');
      return {
        ...toSummary(found),
        events: describeHits(found.hits, found.tracker.creatorClientKey, found.tally.firstOutsideAt),
        eventCount: found.tally.hits,
        olderEventsCursor: found.next ? encodeHitCursor(found.next) : null,
      };
    },
  );

  app.get(
    '/trackers/:id/events',
    {
      schema: {
        params: TrackerIdParams,
        querystring: ListEventsQuery,
        response: { 200: TrackerEventPageSchema, ...errors },
      },
    },
    async (request) => {
      const accountId = accountOf(request.account).id;
      const before = request.query.cursor === undefined ? null : decodeHitCursor(request.query.cursor);
      const limit = request.query.limit === undefined ? 100 : Number(request.query.limit);
      // The tracker row gives the facts that resolve `self`; its own page of hits is not needed here.
      const [found, page] = await Promise.all([
        store.getTracker(accountId, request.params.id, 1),
        store.listHits(accountId, request.params.id, { limit, before }),
      ]);
      if (!found || !page) throw notFound('No tracker with this id in your account.');
      return {
        events: describeHits(page.hits, found.tracker.creatorClientKey, found.tally.firstOutsideAt),
        nextCursor: page.next ? encodeHitCursor(page.next) : null,
      };
    },
  );

  app.delete(
    '/trackers/:id',
    { schema: { params: TrackerIdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const deleted = await store.deleteTracker(accountOf(request.account).id, request.params.id);
      if (!deleted) throw notFound('No tracker with this id in your account.');
      return reply.code(204).send(null);
    },
  );
  return Promise.resolve();
};

function accountOf(account: Account | null): Account {
  // The authentication hook runs first on every route here; this only guards against mis-wiring.
  if (!account) throw new HttpError(401, 'This needs an API key.');
  return account;
}

function toSummary({ tracker, tally }: TrackerWithTally): TrackerSummary {
  return {
    id: tracker.id,
    subject: tracker.subject,
    recipient: tracker.recipient,
    template: tracker.template,
    createdAt: tracker.createdAt.toISOString(),
    ...countsOfTally(tally),
  };
}

/** Event cursors are opaque to clients too: base64url of `e.<seq>`. */
function encodeHitCursor(cursor: HitCursor): string {
  return Buffer.from(`e.${cursor.seq}`, 'utf8').toString('base64url');
}

function decodeHitCursor(cursor: string): HitCursor {
  const match = /^e\.([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1])
    throw new HttpError(
      400,
      'The cursor is not valid; use olderEventsCursor or nextCursor from a previous answer.',
    );
  return { seq: Number(match[1]) };
}

/** Cursors are opaque to clients: base64url of `<createdAt ms>.<id>`. */
export function encodeCursor(cursor: TrackerCursor): string {
  return Buffer.from(`${cursor.createdAt.getTime()}.${cursor.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): TrackerCursor {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1] || !match[2])
    throw new HttpError(400, 'The cursor is not valid; use nextCursor from a previous page.');
  return { createdAt: new Date(Number(match[1])), id: match[2] };
}
