/** The dashboard's page: a frame its script (dashboard/main.ts) fills with plain DOM. */
export const dashboardPage =
  '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
  '<meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title>Instructor — Fun with WebSockets</title>' +
  '<link rel="stylesheet" href="/instructor/dashboard.css">' +
  '<script type="module" src="/instructor/js/main.js"></script></head><body>' +
  '<header><h1>Classroom</h1><button id="reset-all" type="button">Reset every demo</button>' +
  '<p id="status" role="status"></p></header>' +
  '<main><section><h2>Demos</h2><div class="wide"><table id="demos"><thead><tr><th>Demo</th><th>Students</th>' +
  '<th>Messages/s</th><th>Nicknames</th><th>Actions</th></tr></thead><tbody></tbody></table></div></section>' +
  '<section><h2>Muted</h2><ul id="muted"></ul></section>' +
  '<section><h2>Recent refusals</h2><ol id="refusals"></ol></section></main></body></html>';

export const dashboardCss = `body{font:1rem/1.4 system-ui,sans-serif;margin:1.5rem;color:#111}
@media (max-width:40rem){body{margin:.75rem}}
.wide{overflow-x:auto}
header{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
button{font:inherit;margin:.1rem}.locked{background:#fff3cd}.nick{display:inline-flex;gap:.2rem;margin-right:.6rem}
#refusals{font-family:ui-monospace,monospace;font-size:.9rem;max-height:16rem;overflow:auto;overflow-wrap:anywhere}`;
