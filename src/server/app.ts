/**
 * buildApp(deps) assembles the tracking server from explicit parts, one plugin per concern, without
 * listening: main.ts listens, tests use app.inject. Closing the app does not close the store or flush the
 * hit buffer; main.ts owns that order (stop HTTP, flush hits, close storage).
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import proxyAddr from '@fastify/proxy-addr';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { AppDeps } from './app-deps';
import { errorBody, errorHandling } from './http/error-handling';
import { requireAccount } from './http/authenticate';
import { guardStore } from './storage/guarded-store';
import { accountRoutes } from './routes/account-routes';
import { devRoutes, isAdjustable } from './routes/dev-routes';
import { devPreviewCors } from './routes/dev-preview-cors';
import { eventStreamRoutes, eventTicketRoutes } from './routes/event-stream-routes';
import { healthRoutes } from './routes/health-routes';
import { linkRoutes } from './routes/link-routes';
import { pixelRoutes, sendPixel } from './routes/pixel-routes';
import { createPixelHandler, isPixelRequest } from './tracking/pixel-handler';
import { trackerRoutes } from './routes/tracker-routes';

export type { AppDeps, AppConfig } from './app-deps';

export interface BuildAppOptions {
  /** Fastify logger setting; off by default (tests). main.ts logs JSON at `warn`, so errors only. */
  logger?: FastifyServerOptions['logger'];
  /** TLS key and certificate; plain HTTP when absent. */
  https?: { key: string | Buffer; cert: string | Buffer } | null;
  /** How long a request may wait on storage before answering 503. */
  storageTimeoutMs?: number;
}

/** The headers @fastify/rate-limit sets (and the quota's Retry-After), readable by the allowed origins. */
export const RATE_LIMIT_HEADERS = [
  'Retry-After',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
];

/** Limits that keep a single request small: JSON bodies up to 16 KiB, headers up to 16 KiB. */
const BODY_LIMIT_BYTES = 16 * 1024;
const HEADER_LIMIT_BYTES = 16 * 1024;

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const trust = deps.config.trustedProxies.length > 0 ? proxyAddr.compile(deps.config.trustedProxies) : null;
  const pixelHandler = createPixelHandler({
    tokens: deps.tokens,
    hits: deps.hits,
    clock: deps.clock,
    devMode: deps.config.devMode,
    previewOrigins: deps.config.devMode ? deps.config.allowedOrigins : [],
    clientIp: (request) => (trust ? proxyAddr(request, trust) : (request.socket.remoteAddress ?? '')),
    onError: (message, error) => app.log.error({ err: error }, message),
  });
  // The pixel is the hot path: it is answered before Fastify's routing and hooks, by the same handler that
  // the /p/* route serves (so app.inject tests what mail clients get). Everything else goes to Fastify.
  const serverFactory = (handler: (request: IncomingMessage, response: ServerResponse) => void) => {
    const listener = (request: IncomingMessage, response: ServerResponse) =>
      isPixelRequest(request) ? pixelHandler(request, response) : handler(request, response);
    return options.https
      ? createHttpsServer({ ...options.https, maxHeaderSize: HEADER_LIMIT_BYTES }, listener)
      : createHttpServer({ maxHeaderSize: HEADER_LIMIT_BYTES }, listener);
  };

  const app: FastifyInstance = (Fastify as unknown as (opts: object) => FastifyInstance)({
    serverFactory,
    logger: options.logger ?? false,
    // Request lines carry tokens and tickets; nothing logs them. Errors are logged by route pattern only.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trust ?? false,
    return503OnClosing: true,
    // Strict JSON: a number where a string belongs is an error, not silently converted.
    ajv: { customOptions: { coerceTypes: false } },
    forceCloseConnections: 'idle',
    // A URL that cannot even be decoded: a pixel still gets its GIF, anything else a plain 400.
    frameworkErrors: (_error: unknown, request: { url?: string }, reply: FastifyReply) => {
      if (request.url?.startsWith('/p/')) return sendPixel(reply);
      return reply.code(400).send(errorBody(400, 'The request address is not valid.'));
    },
  });

  app.decorate('deps', { ...deps, store: guardStore(deps.store, options.storageTimeoutMs ?? 5000) });
  app.decorateRequest('account', null);

  await app.register(errorHandling);
  await app.register(helmet, {
    // The pixel is embedded by other sites' mail pages; a same-origin resource policy would block it.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });

  if (deps.config.devMode) {
    // Before the pixel route, so its onRequest hook covers it (issue 5's preview recipient view).
    await app.register(devPreviewCors, { allowedOrigins: deps.config.allowedOrigins });
  }
  await app.register(healthRoutes);
  await app.register(pixelRoutes, { handler: pixelHandler });
  await app.register(linkRoutes);
  await app.register(
    async (api) => {
      await api.register(cors, {
        origin: deps.config.allowedOrigins,
        methods: ['GET', 'POST', 'DELETE'],
        allowedHeaders: ['Authorization', 'Content-Type', 'X-Registration-Secret'],
        // So the pane can tell the user when a rate limit or quota lets them try again.
        exposedHeaders: RATE_LIMIT_HEADERS,
        maxAge: 600,
      });
      await api.register(rateLimit, {
        max: deps.config.apiRateLimitPerMinute,
        timeWindow: '1 minute',
        keyGenerator: (request) => request.ip,
      });
      await api.register(accountRoutes);
      await api.register(eventStreamRoutes);
      await api.register(async (authenticated) => {
        // preValidation: after the rate limit (a route-level onRequest hook), before the body is validated.
        authenticated.addHook('preValidation', requireAccount);
        await authenticated.register(trackerRoutes);
        await authenticated.register(eventTicketRoutes);
      });
    },
    { prefix: '/api/v1' },
  );

  if (deps.config.devMode && isAdjustable(deps.clock)) {
    await app.register(devRoutes, { clock: deps.clock });
  }
  return app;
}
