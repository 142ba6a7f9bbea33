/**
 * Incremental parser for the `text/event-stream` format: feed it decoded text in chunks of any size,
 * and it calls back once per complete message. Comments (heartbeats) are reported separately so a
 * caller can tell a quiet stream from a dead one.
 */

export interface ServerSentMessage {
  event: string;
  data: string;
  id: string | null;
}

export interface SseParser {
  push(text: string): void;
}

export function createSseParser(
  onMessage: (message: ServerSentMessage) => void,
  onComment: () => void = () => {},
): SseParser {
  let buffer = '';
  let eventName = '';
  let dataLines: string[] = [];
  let lastId: string | null = null;

  const dispatch = (): void => {
    if (dataLines.length > 0) {
      onMessage({ event: eventName || 'message', data: dataLines.join('\n'), id: lastId });
    }
    eventName = '';
    dataLines = [];
  };

  const processLine = (line: string): void => {
    if (line === '') {
      dispatch();
      return;
    }
    if (line.startsWith(':')) {
      onComment();
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') dataLines.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    // `retry` and unknown fields are ignored: the client owns its own backoff.
  };

  return {
    push(text: string): void {
      buffer += text;
      // A trailing "\r" may be the first half of "\r\n", so it waits for the next chunk.
      const pattern = /\r\n|\r(?!$)|\n/g;
      let start = 0;
      let match: RegExpExecArray | null;
      while ((match = pattern.exec(buffer)) !== null) {
        processLine(buffer.slice(start, match.index));
        start = match.index + match[0].length;
      }
      buffer = buffer.slice(start);
    },
  };
}
