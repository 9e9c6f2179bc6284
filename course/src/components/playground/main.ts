/**
 * The playground's wiring: a ChatClient from @funws/chat/client against the
 * course server's chat (socket.io path /playground/socket.io), rendered on
 * every state change. The client keeps the state; we only draw it.
 */
import { ChatClient, type ChatState } from '@funws/chat/client';
import {
  type CanvasStroke,
  type ChatMessage,
  isChatError,
  type Member,
  type Poll,
  type ReactionEmoji,
  reactionEmoji,
} from '@funws/chat/protocol';
import { pageInspectorId } from '../cells/inspector-client.ts';
import {
  renderMember,
  renderMessage,
  renderPoll,
  renderWhisper,
  timeline,
  typingText,
} from './render.ts';

export const playgroundPath = '/playground/socket.io';
const defaultRoom = 'general';

function errorText(error: unknown): string {
  if (isChatError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export function startPlayground(root: HTMLElement): void {
  const q = <T extends HTMLElement>(selector: string) => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`The playground has no ${selector}.`);
    return found;
  };
  const joinForm = q<HTMLFormElement>('[data-join]');
  const joinError = q('[data-join-error]');
  const nicknameInput = q<HTMLInputElement>('#pg-nickname');
  const chat = q('[data-chat]');
  const status = q('[data-status]');
  const me = q('[data-me]');
  const messages = q<HTMLOListElement>('[data-messages]');
  const typing = q('[data-typing]');
  const members = q<HTMLUListElement>('[data-members]');
  const composer = q<HTMLFormElement>('[data-composer]');
  const textInput = q<HTMLInputElement>('#pg-text');
  const sendError = q('[data-send-error]');
  const whisperTo = q('[data-whisper-to]');
  const whisperLabel = q('[data-whisper-label]');
  const pollForm = q<HTMLFormElement>('[data-poll-form]');
  const pollError = q('[data-poll-error]');
  const polls = q<HTMLOListElement>('[data-polls]');
  const canvas = q<HTMLCanvasElement>('[data-canvas]');
  const colorInput = q<HTMLInputElement>('[data-color]');

  let client: ChatClient | undefined;
  let room = defaultRoom;
  let whisperTarget: Member | undefined;
  let drawn: readonly CanvasStroke[] = [];
  let last: {
    messages?: unknown;
    whispers?: unknown;
    members?: unknown;
    typing?: unknown;
    polls?: unknown;
    votes?: unknown;
  } = {};

  const show = (target: HTMLElement, text: string) => {
    target.textContent = text;
    target.hidden = text === '';
  };
  const myId = () => client?.state.session?.userId ?? '';
  const currentRoom = (state: ChatState) => state.rooms[room];

  const react = (message: ChatMessage, emoji: ReactionEmoji) => {
    client
      ?.react(room, message.id, emoji)
      .catch((error: unknown) => show(sendError, errorText(error)));
  };
  const vote = (poll: Poll, optionId: string) => {
    client?.vote(poll.id, optionId).catch((error: unknown) => show(pollError, errorText(error)));
  };
  const pickWhisper = (member: Member) => {
    whisperTarget = member;
    whisperLabel.textContent = `Whispering to ${member.nickname}: only they will see it.`;
    whisperTo.hidden = false;
    textInput.focus();
  };
  const cancelWhisper = () => {
    whisperTarget = undefined;
    whisperTo.hidden = true;
  };

  const render = (state: ChatState, force = false) => {
    status.textContent = state.connection;
    status.dataset.state = state.connection;
    me.textContent = state.session ? `You are ${state.session.nickname}` : '';
    for (const button of root.querySelectorAll<HTMLButtonElement>('[data-room]')) {
      const name = button.dataset.room ?? '';
      button.setAttribute('aria-pressed', String(name === room));
      const count = state.roomCounts.find((summary) => summary.name === name)?.members;
      const badge = button.querySelector('[data-count]');
      if (badge) badge.textContent = count === undefined ? '' : `(${count})`;
    }
    const current = currentRoom(state);
    if (!current) return;
    if (force || last.messages !== current.messages || last.whispers !== state.whispers) {
      const atBottom = messages.scrollTop + messages.clientHeight >= messages.scrollHeight - 24;
      const actions = { myId: myId(), emoji: reactionEmoji, react };
      messages.replaceChildren(
        ...timeline(current.messages, state.whispers).map((line) =>
          line.kind === 'message'
            ? renderMessage(line.message, actions)
            : renderWhisper(line.whisper, myId()),
        ),
      );
      if (atBottom || force) messages.scrollTop = messages.scrollHeight;
    }
    if (force || last.members !== current.members) {
      members.replaceChildren(
        ...current.members.map((member) => renderMember(member, myId(), pickWhisper)),
      );
    }
    if (force || last.typing !== current.typing || last.members !== current.members) {
      const names = current.typing
        .filter((id) => id !== myId())
        .map((id) => current.members.find((member) => member.userId === id)?.nickname ?? 'someone');
      typing.textContent = typingText(names);
    }
    if (force || last.polls !== current.polls || last.votes !== current.myVotes) {
      polls.replaceChildren(
        ...[...current.polls]
          .reverse()
          .map((poll) => renderPoll(poll, current.myVotes[poll.id], vote)),
      );
    }
    drawCanvas(current.canvas, force);
    last = {
      messages: current.messages,
      whispers: state.whispers,
      members: current.members,
      typing: current.typing,
      polls: current.polls,
      votes: current.myVotes,
    };
  };

  // ---- canvas: segments in 0..1 coordinates, so every screen size agrees ----
  const context = canvas.getContext('2d');
  const drawSegment = (stroke: CanvasStroke) => {
    if (!context) return;
    context.strokeStyle = stroke.color;
    context.lineWidth = stroke.width;
    context.lineCap = 'round';
    context.beginPath();
    context.moveTo(stroke.from.x * canvas.width, stroke.from.y * canvas.height);
    context.lineTo(stroke.to.x * canvas.width, stroke.to.y * canvas.height);
    context.stroke();
  };
  const drawCanvas = (strokes: readonly CanvasStroke[], force: boolean) => {
    if (!context || (!force && strokes === drawn)) return;
    // Only the new segments when the list just grew; everything after a clear or a trim.
    const grew =
      !force &&
      drawn.length > 0 &&
      strokes.length > drawn.length &&
      strokes[drawn.length - 1] === drawn[drawn.length - 1];
    if (!grew) context.clearRect(0, 0, canvas.width, canvas.height);
    for (const stroke of grew ? strokes.slice(drawn.length) : strokes) drawSegment(stroke);
    drawn = strokes;
  };
  let previous: { x: number; y: number } | undefined;
  const point = (event: PointerEvent) => {
    const box = canvas.getBoundingClientRect();
    const clamp = (value: number) => Math.min(1, Math.max(0, value));
    return {
      x: clamp((event.clientX - box.left) / box.width),
      y: clamp((event.clientY - box.top) / box.height),
    };
  };
  canvas.addEventListener('pointerdown', (event) => {
    canvas.setPointerCapture(event.pointerId);
    previous = point(event);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!previous || !client) return;
    const next = point(event);
    if (Math.hypot(next.x - previous.x, next.y - previous.y) < 0.004) return;
    const segment = { from: previous, to: next, color: colorInput.value, width: 4 };
    previous = next;
    client.draw(room, segment).catch((error: unknown) => show(sendError, errorText(error)));
  });
  const endStroke = () => {
    previous = undefined;
  };
  canvas.addEventListener('pointerup', endStroke);
  canvas.addEventListener('pointercancel', endStroke);
  q('[data-clear-canvas]').addEventListener('click', () => {
    client?.clearCanvas(room).catch((error: unknown) => show(sendError, errorText(error)));
  });

  // ---- joining ----
  joinForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    show(joinError, '');
    client?.close();
    const next = new ChatClient({
      nickname: nicknameInput.value.trim(),
      path: playgroundPath,
      // Tags this page's connection, so the course's event inspector shows its
      // packets to this page alone (see cells/inspector-client.ts).
      socketOptions: { query: { inspect: pageInspectorId() } },
    });
    client = next;
    next.on('change', (state) => {
      if (client === next) render(state);
    });
    next.on('error', (error) => show(sendError, errorText(error)));
    try {
      await next.connect();
      await next.join(room);
      await next.watchRoomCounts();
      joinForm.hidden = true;
      chat.hidden = false;
      render(next.state, true);
      textInput.focus();
    } catch (error) {
      next.close();
      show(joinError, errorText(error));
    }
  });

  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-room]')) {
    button.addEventListener('click', async () => {
      const name = button.dataset.room ?? defaultRoom;
      if (!client || name === room) return;
      try {
        await client.switchRoom(name);
        room = name;
        cancelWhisper();
        drawn = [];
        render(client.state, true);
      } catch (error) {
        show(sendError, errorText(error));
      }
    });
  }

  // ---- sending ----
  composer.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!client) return;
    const text = textInput.value.trim();
    if (!text) return;
    show(sendError, '');
    try {
      if (whisperTarget) await client.whisper(whisperTarget.userId, text);
      else await client.send(room, text);
      textInput.value = '';
    } catch (error) {
      show(sendError, errorText(error));
    }
  });
  textInput.addEventListener('input', () => {
    if (!client) return;
    if (textInput.value === '') client.stopTyping(room);
    else client.typing(room);
  });
  textInput.addEventListener('blur', () => client?.stopTyping(room));
  q('[data-cancel-whisper]').addEventListener('click', cancelWhisper);

  pollForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!client) return;
    const data = new FormData(pollForm);
    const question = String(data.get('question') ?? '').trim();
    const options = String(data.get('options') ?? '')
      .split('\n')
      .map((option) => option.trim())
      .filter(Boolean);
    show(pollError, '');
    try {
      await client.createPoll(room, question, options);
      pollForm.reset();
    } catch (error) {
      show(pollError, errorText(error));
    }
  });

  window.addEventListener('pagehide', () => client?.close());
}
