// The instructor's dashboard: polls the room's state every second and draws
// it with plain DOM (nicknames are students' text: textContent only, never
// innerHTML). Each button posts one action to /instructor/api/actions.

interface DemoStats {
  demo: string;
  students: number;
  messagesPerSecond: number;
  locked: boolean;
  nicknames: string[];
  hasCanvas: boolean;
}
interface RoomState {
  demos: DemoStats[];
  muted: string[];
  refusals: { at: string; where: string; code: string }[];
}
type ActionAnswer =
  | { ok: true; done: string }
  | { ok: false; error: { code: string; message: string } };

const status = document.querySelector<HTMLElement>('#status');

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label: string, body: Record<string, string>): HTMLButtonElement {
  const node = element('button', label);
  node.type = 'button';
  node.dataset.action = body.action ?? '';
  if (body.demo) node.dataset.demo = body.demo;
  node.addEventListener('click', () => void act(body));
  return node;
}

async function act(body: Record<string, string>): Promise<void> {
  const response = await fetch('/instructor/api/actions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as ActionAnswer;
  if (status) status.textContent = answer.ok ? answer.done : answer.error.message;
  await refresh();
}

function draw(state: RoomState): void {
  const rows = state.demos.map((demo) => {
    const row = element('tr');
    row.dataset.demo = demo.demo;
    if (demo.locked) row.className = 'locked';
    row.append(
      element('td', demo.demo),
      element('td', String(demo.students)),
      element('td', demo.messagesPerSecond.toFixed(1)),
    );
    const names = element('td');
    for (const nickname of demo.nicknames) {
      const holder = element('span');
      holder.className = 'nick';
      const muted = state.muted.includes(nickname);
      holder.append(
        element('span', nickname),
        button(muted ? 'Unmute' : 'Mute', { action: muted ? 'unmute' : 'mute', nickname }),
        button('Remove', { action: 'remove', nickname }),
      );
      names.append(holder);
    }
    const actions = element('td');
    actions.append(
      button(demo.locked ? 'Unlock' : 'Lock', {
        action: demo.locked ? 'unlock' : 'lock',
        demo: demo.demo,
      }),
      button('Clear chat (start afresh)', { action: 'clear-chat', demo: demo.demo }),
    );
    if (demo.hasCanvas)
      actions.append(button('Clear canvas', { action: 'clear-canvas', demo: demo.demo }));
    row.append(names, actions);
    return row;
  });
  document.querySelector('#demos tbody')?.replaceChildren(...rows);
  // Listed with its own Unmute: a muted student who left has no row above any more.
  document.querySelector('#muted')?.replaceChildren(
    ...state.muted.map((nickname) => {
      const item = element('li', nickname);
      item.append(' ', button('Unmute', { action: 'unmute', nickname }));
      return item;
    }),
  );
  document
    .querySelector('#refusals')
    ?.replaceChildren(
      ...state.refusals.map((entry) =>
        element('li', `${entry.at.slice(11, 19)} ${entry.where}: ${entry.code}`),
      ),
    );
}

async function refresh(): Promise<void> {
  try {
    const response = await fetch('/instructor/api/state');
    draw((await response.json()) as RoomState);
  } catch {
    if (status) status.textContent = 'The classroom server does not answer; is it still running?';
  }
}

document.querySelector('#reset-all')?.addEventListener('click', () => {
  if (
    window.confirm(
      'Start every demo afresh (chats, polls and drawings gone), unlocked, with nobody muted?',
    )
  )
    void act({ action: 'reset-all' });
});
void refresh();
setInterval(() => void refresh(), 1000);
