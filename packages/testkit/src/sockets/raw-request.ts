import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/** What a server answered to {@link rawRequest}. */
export interface RawResponse {
  /** The HTTP status: 101 when a WebSocket upgrade was accepted. */
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as text (empty for an accepted upgrade). */
  body: string;
}

/** What to send with {@link rawRequest}. */
export interface RawRequestOptions {
  /** Path and query, e.g. `/socket.io/?EIO=4&transport=polling`. Default `/`. */
  path?: string;
  method?: string;
  /** Headers sent exactly as given, `Host` and `Origin` included. */
  headers?: Record<string, string>;
  /** Ask for a WebSocket upgrade (adds the upgrade headers). Default false. */
  upgrade?: boolean;
  /**
   * The local address to send from, e.g. `127.0.0.2`: on loopback a test can
   * play another computer (classroom mode tells students from the instructor
   * by address).
   */
  localAddress?: string;
  /** A request body, e.g. JSON text (set its `content-type` in `headers`). */
  body?: string;
}

/**
 * Sends one HTTP request, or WebSocket upgrade, to the server at `url` with
 * exactly the headers given, and resolves with the answer. Browsers never let a
 * page choose its `Host` or `Origin`; a test does, to play the attacker: a
 * forged `Host` with a matching `Origin` is what a DNS-rebinding page sends.
 *
 * @example
 * const answer = await rawRequest(url, {
 *   headers: { host: 'evil.example:4321', origin: 'http://evil.example:4321' },
 * });
 * expect(answer.status).toBe(421);
 */
export function rawRequest(url: string, options: RawRequestOptions = {}): Promise<RawResponse> {
  const target = new URL(url);
  const headers: Record<string, string> = { ...options.headers };
  if (options.upgrade) {
    Object.assign(headers, {
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      'sec-websocket-version': '13',
    });
  }
  return new Promise<RawResponse>((resolve, reject) => {
    const sent = httpRequest({
      host: target.hostname.replace(/^\[|\]$/g, ''),
      port: target.port,
      path: options.path ?? '/',
      method: options.method ?? 'GET',
      headers,
      setHost: headers.host === undefined && headers.Host === undefined,
      agent: false,
      ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
    });
    sent.once('error', reject);
    sent.once('upgrade', (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body: '' });
    });
    sent.once('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.once('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
      response.once('error', reject);
    });
    sent.end(options.body);
  });
}
