// HTTP chat turns under autocannon: each connection is one web user whose first request starts
// a conversation and the rest send its clientSecret, with the shared turn mix. Users are named
// with `prefix`, so loads run at once against two instances never share a conversation.
import autocannon from 'autocannon';
import { mixMessage } from './turn-mix.js';

interface Context {
  user?: string;
  secret?: string;
  turn?: number;
}

export function httpChatLoad(
  baseUrl: string,
  options: { connections: number; seconds: number; prefix: string },
): Promise<autocannon.Result> {
  let users = 0;
  return autocannon({
    url: `${baseUrl}/api/chat/messages`,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request: autocannon.Request, context: Context) => {
          context.user ??= `${options.prefix}-${users++}`;
          const turn = context.turn ?? 0;
          context.turn = turn + 1;
          const body = {
            channelUserId: context.user,
            ...mixMessage(turn),
            ...(context.secret ? { clientSecret: context.secret } : {}),
          };
          return { ...request, body: JSON.stringify(body) };
        },
        onResponse: (status: number, body: string, context: Context) => {
          if (status !== 200 || context.secret) return;
          const secret = (JSON.parse(body) as { clientSecret?: string }).clientSecret;
          if (secret) context.secret = secret;
        },
      },
    ],
  });
}
