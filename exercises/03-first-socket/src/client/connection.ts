/** The four states a socket.io connection shows on the page. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

const labels: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  disconnected: 'Disconnected',
};

/**
 * Shows the connection state in `element`: words for everyone, and a
 * `data-state` attribute the CSS colours (never colour alone).
 */
export function showConnection(element: HTMLElement, state: ConnectionState): void {
  element.dataset.state = state;
  element.textContent = labels[state];
}
