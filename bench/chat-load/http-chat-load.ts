// HTTP chat turns under autocannon against one instance (bench/instances.bench.ts): the shared
// load of http-load.ts, with users named by `prefix`, so loads run at once against two instances
// never share a conversation.
import type autocannon from 'autocannon';
import { loadHttpChat } from './http-load.js';

export function httpChatLoad(
  baseUrl: string,
  options: { connections: number; seconds: number; prefix: string },
): Promise<autocannon.Result> {
  return loadHttpChat(`${baseUrl}/api/chat/messages`, {
    chat: true,
    connections: options.connections,
    seconds: options.seconds,
    users: options.prefix,
  });
}
