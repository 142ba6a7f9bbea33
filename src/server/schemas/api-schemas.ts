/**
 * TypeBox schemas of the /api/v1 contract. They mirror src/core/tracking/api-contract.ts: requests are
 * validated against them, and responses are serialized through them, so no stored field leaks by accident.
 */
import { Type } from 'typebox';

const IsoTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
});

export const CreateAccountBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

export const CreateAccountReply = Type.Object({ accountId: Type.String(), apiKey: Type.String() });

export const MAX_LINKS = 20;

export const CreateTrackerBody = Type.Object(
  {
    subject: Type.Optional(Type.String({ maxLength: 300 })),
    recipient: Type.Optional(Type.String({ maxLength: 320 })),
    template: Type.Optional(Type.String({ maxLength: 64 })),
    links: Type.Optional(
      Type.Array(Type.String({ minLength: 9, maxLength: 2048, pattern: '^https://' }), {
        maxItems: MAX_LINKS,
      }),
    ),
  },
  { additionalProperties: false },
);

export const CreateTrackerReply = Type.Object({
  id: Type.String(),
  pixelUrl: Type.String(),
  links: Type.Array(Type.Object({ url: Type.String(), trackedUrl: Type.String() })),
  createdAt: IsoTime,
});

const HitSourceSchema = Type.Union([
  Type.Literal('human'),
  Type.Literal('proxy'),
  Type.Literal('apple-mpp'),
  Type.Literal('prefetch'),
  Type.Literal('scanner'),
  Type.Literal('self'),
]);

const summaryProperties = {
  id: Type.String(),
  subject: Nullable(Type.String()),
  recipient: Nullable(Type.String()),
  template: Nullable(Type.String()),
  createdAt: IsoTime,
  status: Type.Union([Type.Literal('unopened'), Type.Literal('opened'), Type.Literal('reopened')]),
  opens: Type.Integer(),
  machineOpens: Type.Integer(),
  clicks: Type.Integer(),
  firstOpenedAt: Nullable(IsoTime),
  lastOpenedAt: Nullable(IsoTime),
};

export const TrackerSummarySchema = Type.Object(summaryProperties);

const TrackerEventSchema = Type.Object({
  at: IsoTime,
  kind: Type.Union([Type.Literal('open'), Type.Literal('click')]),
  source: HitSourceSchema,
  client: Type.Optional(Type.String()),
});

export const TrackerDetailSchema = Type.Object({
  ...summaryProperties,
  events: Type.Array(TrackerEventSchema),
  eventCount: Type.Integer(),
  olderEventsCursor: Nullable(Type.String()),
});

export const TrackerEventPageSchema = Type.Object({
  events: Type.Array(TrackerEventSchema),
  nextCursor: Nullable(Type.String()),
});

export const ListEventsQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.String({ pattern: '^(200|1[0-9]{2}|[1-9][0-9]?)$', description: 'page size, 1 to 200' }),
    ),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);

export const TrackerPageSchema = Type.Object({
  trackers: Type.Array(TrackerSummarySchema),
  nextCursor: Nullable(Type.String()),
});

export const ListTrackersQuery = Type.Object(
  {
    // A string (the app does not coerce types, so a body's 42 is never taken for "42"): 1 to 100.
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: 'page size, 1 to 100' })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const TrackerIdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$' }) });

export const EventTicketReply = Type.Object({ ticket: Type.String(), expiresAt: IsoTime });

export const EventStreamQuery = Type.Object({ ticket: Type.Optional(Type.String({ maxLength: 200 })) });

export const AdvanceClockBody = Type.Object(
  { advanceMs: Type.Number({ minimum: 0, maximum: 366 * 24 * 3600 * 1000 }) },
  { additionalProperties: false },
);
