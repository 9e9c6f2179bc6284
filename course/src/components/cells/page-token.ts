/**
 * The page's token for the course server's cells (`/cells/*`): asked for once
 * per page load with a same-origin POST, then sent in a header with every
 * request that does something. A cross-site page can make a browser send a
 * request to the course, but it cannot read this token, and a custom header
 * cannot be sent cross-site without the server's consent (it gives none).
 */

export const tokenHeader = 'X-Funws-Token';

let token: Promise<string> | undefined;

/** A typed error from the server, `{ ok: false, error: { code, message } }`. */
export class CellsError extends Error {
  override name = 'CellsError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server's typed error in a response, or a sentence about the status. */
export async function errorOf(response: Response): Promise<CellsError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return new CellsError(body.error.code ?? 'error', body.error.message);
  } catch {
    // Not our JSON: a sentence from the classroom gate, or a static server without the course's cells.
  }
  if (response.status === 404) {
    return new CellsError(
      'no_server',
      'This needs the course server: run npm start at the repository root and open the page it prints.',
    );
  }
  // A short plain sentence (the classroom gate's "for the instructor only…") says more than a status.
  const said = text.trim();
  if (said && said.length <= 300 && !said.startsWith('<')) {
    return new CellsError(`http_${response.status}`, said);
  }
  return new CellsError('http_error', `The course server answered ${response.status}.`);
}

async function fetchToken(): Promise<string> {
  const response = await fetch('/cells/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw await errorOf(response);
  const body = (await response.json()) as { token?: unknown };
  if (typeof body.token !== 'string')
    throw new CellsError('http_error', 'The server sent no token.');
  return body.token;
}

/**
 * POSTs to `/cells/<path>` with the page token; asks for a new token once if
 * the server says it expired (a page left open overnight).
 *
 * @example
 * const response = await cellsPost('ticket', { demo: '04-broadcast-chat' });
 */
export async function cellsPost(path: string, body: unknown = {}): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    token ??= fetchToken();
    let current: string;
    try {
      current = await token;
    } catch (error) {
      token = undefined;
      throw error;
    }
    const response = await fetch(`/cells/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [tokenHeader]: current },
      body: JSON.stringify(body),
    });
    if (response.status === 403 && attempt === 0) {
      const error = await errorOf(response.clone());
      if (error.code === 'token_invalid') {
        token = undefined;
        continue;
      }
    }
    return response;
  }
}
