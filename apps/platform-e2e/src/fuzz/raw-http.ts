import { connect } from 'node:net';

/** A request as bytes on the wire: nothing is checked or encoded on the way, unlike fetch or http.request. */
export interface RawRequest {
  method: string;
  /** The request target as sent: path and query, already percent-encoded (or deliberately not). */
  target: string;
  /** Names and values as latin1 bytes, so a header may carry any byte but CR and LF. */
  headers: [string, string][];
  body?: Buffer;
}

export interface RawAnswer {
  /** The status code, or undefined when the server closed the connection without answering. */
  status: number | undefined;
  /** The answer's body, as text. */
  body: string;
}

/**
 * Sends one HTTP/1.1 request over a fresh connection and reads the answer until the server closes
 * it. Fuzzing needs this: fetch and node's http client refuse to send a NUL in a header or a
 * malformed path, which is exactly what the server must be shown.
 */
export function sendRaw(port: number, request: RawRequest, timeoutMs = 15_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.on('connect', () => {
      const head = [
        `${request.method} ${request.target} HTTP/1.1`,
        `host: 127.0.0.1:${port}`,
        'connection: close',
        ...request.headers.map(([name, value]) => `${name}: ${value}`),
        ...(request.body ? [`content-length: ${request.body.length}`] : []),
        '',
        '',
      ].join('\r\n');
      // write, not end: node's HTTP server drops the requests in flight on a connection whose
      // client half-closes it. `connection: close` makes the server close it once it answered.
      socket.write(Buffer.concat([Buffer.from(head, 'latin1'), request.body ?? Buffer.alloc(0)]));
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    // The server may answer and close before it read the whole request (a 413, a parse error).
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return;
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      const body = text.includes('\r\n\r\n') ? text.slice(text.indexOf('\r\n\r\n') + 4) : '';
      resolve({ status: status ? Number(status) : undefined, body });
    });
  });
}
