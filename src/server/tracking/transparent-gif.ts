/** The 43-byte transparent 1×1 GIF89a every pixel request answers with, whatever happens. */
export const TRANSPARENT_GIF: Buffer = Buffer.from(
  '47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b',
  'hex',
);

/** Sent with every pixel answer so no client or intermediary reuses it and hides a reopen. */
export const PIXEL_CACHE_CONTROL = 'no-store, no-cache, must-revalidate, private';
