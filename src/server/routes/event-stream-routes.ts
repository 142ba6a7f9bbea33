/**
 * GET /api/v1/events: a server-sent event stream of the caller's `open` and `click` hits, each with
 * `data: { trackerId, at, source }`. It authenticates like the rest of the API (Bearer header) or, because a
 * browser EventSource cannot send headers, with `?ticket=` from POST /api/v1/events/tickets: a signed,
 * single-account ticket valid for 60 s that opens one stream, once (it is never logged).
 *
 * Why single use: a ticket travels in a URL, where it can leak (proxies, history), and a stream it opens
 * lasts for hours. An EventSource that loses its stream retries the same URL, so a client using tickets
 * must fetch a new ticket when its EventSource closes with an error, which it needed already for any
 * reconnect later than 60 s. The task pane streams with its Bearer header and never uses tickets.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireAccount } from '../http/authenticate';
import { HttpError, unauthorized } from '../http/http-errors';
import { ErrorBody, EventStreamQuery, EventTicketReply } from '../schemas/api-schemas';

export const EVENT_TICKET_TTL_MS = 60_000;
const HEARTBEAT_MS = 25_000;
/** Open streams per account in this process: enough for several panes, not enough to exhaust sockets. */
export const MAX_STREAMS_PER_ACCOUNT = 20;
/**
 * Most bytes a stream may have waiting for a client that does not read. Beyond it the stream is cut (its
 * EventSource reconnects), so a stalled reader cannot make the server hold its events without limit.
 */
export const MAX_UNSENT_STREAM_BYTES = 256 * 1024;

/** POST /events/tickets; registered where requireAccount already runs. */
export const eventTicketRoutes: FastifyPluginAsyncTypebox = (app) => {
  const { tokens, clock } = app.deps;
  app.post(
    '/events/tickets',
    { schema: { response: { 201: EventTicketReply, '4xx': ErrorBody, '5xx': ErrorBody } } },
    async (request, reply) => {
      if (!request.account) throw unauthorized('This needs an API key.');
      const expiresAt = new Date(clock.now().getTime() + EVENT_TICKET_TTL_MS);
      return reply.code(201).send({
        ticket: tokens.eventTicket(request.account.id, expiresAt),
        expiresAt: expiresAt.toISOString(),
      });
    },
  );
  return Promise.resolve();
};

/** GET /events; authenticates itself (header or ticket). */
export const eventStreamRoutes: FastifyPluginAsyncTypebox = (app) => {
  const { tokens, clock, live, store } = app.deps;
  const open = new Set<() => void>();
  const perAccount = new Map<string, number>();
  // Streams never end by themselves; end them so that closing the server does not wait on them.
  app.addHook('preClose', (done) => {
    for (const end of open) end();
    done();
  });

  app.get(
    '/events',
    { schema: { querystring: EventStreamQuery, response: { '4xx': ErrorBody, '5xx': ErrorBody } } },
    async (request, reply) => {
      let accountId: string;
      if (request.query.ticket !== undefined) {
        const now = clock.now();
        const ticket = tokens.readEventTicket(request.query.ticket, now);
        if (!ticket) throw unauthorized('The event ticket is not valid or has expired; ask for a new one.');
        if (!(await store.claimEventTicket(ticket.ticketId, ticket.expiresAt, now))) {
          throw unauthorized('The event ticket was already used to open a stream; ask for a new one.');
        }
        accountId = ticket.accountId;
      } else {
        await requireAccount(request);
        accountId = (request.account as { id: string }).id;
      }

      const streams = perAccount.get(accountId) ?? 0;
      if (streams >= MAX_STREAMS_PER_ACCOUNT) {
        throw new HttpError(
          429,
          `This account already has ${MAX_STREAMS_PER_ACCOUNT} live event streams open; close one first.`,
        );
      }
      perAccount.set(accountId, streams + 1);

      const headers = {
        ...reply.getHeaders(),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      };
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, headers as Record<string, string>);
      raw.write('retry: 3000\n: connected\n\n');

      let ended = false;
      const send = (text: string) => {
        if (ended) return;
        raw.write(text);
        if (raw.writableLength > MAX_UNSENT_STREAM_BYTES) {
          end();
          raw.destroy();
        }
      };
      const unsubscribe = live.subscribe(accountId, (event) => {
        const { kind, trackerId, at, source } = event;
        send(`event: ${kind}\ndata: ${JSON.stringify({ trackerId, at, source })}\n\n`);
      });
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      const end = () => {
        if (ended) return;
        ended = true;
        const left = (perAccount.get(accountId) ?? 1) - 1;
        if (left > 0) perAccount.set(accountId, left);
        else perAccount.delete(accountId);
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        if (!raw.writableEnded) raw.end();
      };
      open.add(end);
      request.raw.on('close', end);
      raw.on('close', end);
    },
  );
  return Promise.resolve();
};
