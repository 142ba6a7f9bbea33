/**
 * A local append-only spool file for hits that could not be written to storage (database down, or the
 * in-memory queue full). It guarantees that a spooled hit is handed back to storage until a write succeeds,
 * and — because every hit carries its own idempotency key and the store ignores keys it already has — that
 * replaying a batch twice (a crash between "written" and "forgotten") still records each hit exactly once.
 *
 * Layout: new hits are appended to `path` as NDJSON, one hit per line, with a data sync per batch. A replay
 * first renames `path` to `path.replay-<n>` (atomic), so appends during the replay start a fresh file and
 * nothing is ever rewritten in place; the renamed file is deleted only after every line in it was written.
 * Leftover `*.replay-*` files from a previous process are replayed first on start.
 */
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createThrottledReport } from './throttled-report';

export interface HitCodec<T> {
  encode(hit: T): unknown;
  /** Returns undefined for a line that is not a hit (a torn last line after a crash). */
  decode(value: unknown): T | undefined;
}

export interface HitSpoolOptions<T> {
  /** The spool file; its directory is created when needed. One file per tracker process. */
  path: string;
  /** Writes a batch idempotently (a hit whose key is already stored is skipped); rejects when storage is down. */
  write: (hits: T[]) => Promise<void>;
  codec: HitCodec<T>;
  /** Hits per write while replaying. */
  replayBatchSize?: number;
  /** Refuse new hits beyond this many bytes on disk, so a long outage cannot fill the disk. */
  maxBytes?: number;
  /** Data-sync each appended batch (survives a power cut, not just a process crash). */
  sync?: boolean;
  /**
   * Told about anything worth a log line: hits refused because the spool is full (at most once a minute
   * while it stays full, with a count of the rest), torn lines skipped.
   */
  onWarning?: (message: string) => void;
  /** Milliseconds now, for the warning interval; Date.now unless a test moves time. */
  now?: () => number;
}

export interface HitSpoolStats {
  /** Hits on disk waiting for storage. */
  pendingHits: number;
  pendingBytes: number;
  spooledHits: number;
  replayedHits: number;
  /** Hits refused because the spool reached `maxBytes`; they are lost, and say so in a warning. */
  refusedHits: number;
  /** Lines that could not be decoded (a torn final line after a crash). */
  skippedLines: number;
}

export interface HitSpool<T> {
  /** Appends hits durably before returning; returns how many were kept (fewer only when the spool is full). */
  append(hits: readonly T[]): number;
  /** Writes every spooled hit back to storage; resolves with the number written, rejects if storage fails. */
  replay(): Promise<number>;
  /** True while hits wait on disk (written by this process or left by a previous one). */
  hasPending(): boolean;
  stats(): HitSpoolStats;
}

const REPLAY_SUFFIX = /\.replay-(\d+)$/;

export function createHitSpool<T>(options: HitSpoolOptions<T>): HitSpool<T> {
  const { path, write, codec } = options;
  const replayBatchSize = options.replayBatchSize ?? 1000;
  const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
  const sync = options.sync ?? true;
  const warn = options.onWarning ?? (() => undefined);
  const refusals = createThrottledReport({
    intervalMs: 60_000,
    unit: 'hits',
    now: options.now,
    report: (message) => warn(message),
  });
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true });

  const stats: HitSpoolStats = {
    pendingHits: 0,
    pendingBytes: 0,
    spooledHits: 0,
    replayedHits: 0,
    refusedHits: 0,
    skippedLines: 0,
  };
  let replayCounter = 0;
  let replaying: Promise<number> | undefined;

  const leftoverFiles = (): string[] =>
    readdirSync(directory)
      .filter((name) => name.startsWith(`${basename(path)}.replay-`) && REPLAY_SUFFIX.test(name))
      .sort((a, b) => Number(REPLAY_SUFFIX.exec(a)?.[1]) - Number(REPLAY_SUFFIX.exec(b)?.[1]))
      .map((name) => join(directory, name));

  // Hits left by an earlier process count as pending until replayed.
  for (const file of [...leftoverFiles(), ...(existsSync(path) ? [path] : [])]) {
    const text = readFileSync(file, 'utf8');
    stats.pendingBytes += Buffer.byteLength(text);
    stats.pendingHits += text.split('\n').filter((line) => line.length > 0).length;
    replayCounter = Math.max(replayCounter, Number(REPLAY_SUFFIX.exec(file)?.[1] ?? 0));
  }

  function append(hits: readonly T[]): number {
    if (hits.length === 0) return 0;
    const lines: string[] = [];
    let bytes = 0;
    for (const hit of hits) {
      const line = `${JSON.stringify(codec.encode(hit))}\n`;
      const size = Buffer.byteLength(line);
      if (stats.pendingBytes + bytes + size > maxBytes) break;
      lines.push(line);
      bytes += size;
    }
    const refused = hits.length - lines.length;
    if (refused > 0) {
      stats.refusedHits += refused;
      refusals.failed(
        `hit spool ${path} is full (${maxBytes} bytes); ${refused} hit(s) were refused and are lost`,
        undefined,
        refused,
      );
    } else {
      refusals.recovered(`hit spool ${path} has room again`);
    }
    if (lines.length === 0) return 0;
    const fd = openSync(path, 'a', 0o600);
    try {
      writeSync(fd, lines.join(''));
      if (sync) fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    stats.spooledHits += lines.length;
    stats.pendingHits += lines.length;
    stats.pendingBytes += bytes;
    return lines.length;
  }

  async function replayFile(file: string): Promise<number> {
    const text = await readFile(file, 'utf8');
    const bytes = Buffer.byteLength(text);
    const hits: T[] = [];
    let lineCount = 0;
    for (const line of text.split('\n')) {
      if (line.length === 0) continue;
      lineCount += 1;
      let hit: T | undefined;
      try {
        hit = codec.decode(JSON.parse(line));
      } catch {
        hit = undefined;
      }
      if (hit === undefined) {
        stats.skippedLines += 1;
        warn(`hit spool ${file}: skipped a line that is not a hit (a torn write from a crash?)`);
        continue;
      }
      hits.push(hit);
    }
    for (let start = 0; start < hits.length; start += replayBatchSize) {
      // A failure here leaves the file in place: the next replay writes it again from the top, and the
      // idempotency keys make the already-written part a no-op.
      await write(hits.slice(start, start + replayBatchSize));
    }
    await unlink(file);
    stats.replayedHits += hits.length;
    stats.pendingHits = Math.max(0, stats.pendingHits - lineCount);
    stats.pendingBytes = Math.max(0, stats.pendingBytes - bytes);
    return hits.length;
  }

  async function replayAll(): Promise<number> {
    if (existsSync(path)) {
      replayCounter += 1;
      renameSync(path, `${path}.replay-${replayCounter}`);
    }
    let written = 0;
    for (const file of leftoverFiles()) written += await replayFile(file);
    if (!existsSync(path) && leftoverFiles().length === 0) {
      stats.pendingHits = 0;
      stats.pendingBytes = 0;
    }
    return written;
  }

  return {
    append,
    replay() {
      // One replay at a time: two overlapping replays would both read the same renamed file.
      replaying ??= replayAll().finally(() => {
        replaying = undefined;
      });
      return replaying;
    },
    hasPending: () => existsSync(path) || leftoverFiles().length > 0,
    stats: () => ({ ...stats }),
  };
}
