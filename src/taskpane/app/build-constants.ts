// Values fixed at build time by webpack's DefinePlugin (see webpack.config.js). Under test, where no
// bundler runs, the `typeof` guard falls back to the development value.
declare const TRACKER_URL: string | undefined;

/** The tracker the pane uses until the user sets another: `$TRACKER_URL` at build, else the dev tracker. */
export const DEFAULT_TRACKER_URL: string =
  typeof TRACKER_URL === 'string' ? TRACKER_URL : 'https://localhost:3001';
