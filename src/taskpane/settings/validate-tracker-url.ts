/**
 * Checks a tracker URL typed by the user. https is required, except on this machine (localhost), where a
 * development tracker may run on plain http.
 */

export type TrackerUrlCheck = { ok: true; url: string } | { ok: false; message: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function validateTrackerUrl(input: string): TrackerUrlCheck {
  const text = input.trim();
  if (text === '')
    return { ok: false, message: 'Enter the tracker’s address, for example https://tracker.example.com.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'That is not a web address. It should start with https://.' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return {
      ok: false,
      message: 'Use an https:// address. Outlook blocks images and requests over plain http.',
    };
  }
  if (url.search || url.hash || url.username || url.password) {
    return { ok: false, message: 'Enter only the tracker’s base address, without ?, # or a user name.' };
  }
  return { ok: true, url: url.origin + url.pathname.replace(/\/+$/, '') };
}
