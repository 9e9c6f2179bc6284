/**
 * The one page a student without the class's cookie gets: a form for the
 * join code. Static text only (nothing the visitor sent is written into it),
 * no script, its own strict Content Security Policy.
 */
export function joinPage(problem?: string): string {
  const note = problem ? `<p class="problem" role="alert">${problem}</p>` : '';
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Join the class — Fun with WebSockets</title>' +
    '<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}' +
    'input,button{font:inherit;padding:.4rem .6rem}input{text-transform:uppercase;letter-spacing:.2em}' +
    '.problem{color:#a00}</style></head><body>' +
    '<h1>Join the class</h1>' +
    '<p>Type the join code your instructor shows (or open the link they gave you).</p>' +
    note +
    '<form method="get" action="/join"><label>Join code <input name="code" autocomplete="off" ' +
    'autocapitalize="characters" required maxlength="32"></label> <button>Join</button></form>' +
    '</body></html>'
  );
}

/** Headers for pages the gate writes itself. */
export const gatePageHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
