// The HTTP chat load: autocannon, each connection one web user whose first request starts a
// conversation and whose later ones send its clientSecret (bench/http-chat.bench.ts, profiles).
import autocannon from 'autocannon';
import { mixMessage } from './turn-mix.js';

interface Context {
  user?: string;
  secret?: string;
  turn?: number;
}

/** POST /api/chat/messages (chat) or a bare JSON body (a bare route) at `connections` for `seconds`. */
export function loadHttpChat(
  url: string,
  options: { chat: boolean; connections: number; seconds: number; users?: string },
): Promise<autocannon.Result> {
  const { chat } = options;
  let users = 0;
  return autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request: autocannon.Request, context: Context) => {
          context.user ??= `${options.users ?? 'http-load'}-${users++}`;
          const turn = context.turn ?? 0;
          context.turn = turn + 1;
          const body = {
            channelUserId: context.user,
            ...mixMessage(turn),
            ...(context.secret ? { clientSecret: context.secret } : {}),
          };
          return { ...request, body: JSON.stringify(chat ? body : { text: 'bare' }) };
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
