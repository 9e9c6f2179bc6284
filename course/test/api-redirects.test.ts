import { describe, expect, it } from 'vitest';
import { newApiPath } from '../server/api-redirects.ts';

describe("the old typedoc site's addresses", () => {
  it.each([
    ['/api/functions/server.createChatServer.html', '/api/server/functions/createchatserver/'],
    ['/api/classes/client.ChatClient.html', '/api/client/classes/chatclient/'],
    ['/api/interfaces/protocol.ChatMessage.html', '/api/protocol/interfaces/chatmessage/'],
    ['/api/types/protocol.RoomName.html', '/api/protocol/type-aliases/roomname/'],
    ['/api/variables/protocol.limits.html', '/api/protocol/variables/limits/'],
    ['/api/modules/client.html', '/api/client/'],
    ['/api/index.html', '/api/'],
    ['/api/modules.html', '/api/'],
    ['/api/hierarchy.html', '/api/'],
  ])('leads %s to %s', (old, now) => {
    expect(newApiPath(old)).toBe(now);
  });

  it('leaves the new pages and everything else alone', () => {
    expect(newApiPath('/api/')).toBeUndefined();
    expect(newApiPath('/api/server/functions/createchatserver/')).toBeUndefined();
    expect(newApiPath('/lessons/index.html')).toBeUndefined();
  });
});
