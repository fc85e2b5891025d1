// The yardstick: a bare Fastify server with @fastify/websocket echoing each frame and a bare
// JSON route, run as its own process like the real server. Prints "listening <port>".
import websocket from '@fastify/websocket';
import Fastify from 'fastify';

const app = Fastify({ logger: false });
await app.register(websocket, { options: { maxPayload: 16 * 1024 } });
app.get('/ws/echo', { websocket: true }, (socket) => {
  socket.on('error', () => undefined);
  socket.on('message', (raw) => socket.send(raw.toString()));
});
app.post('/bare', async (request) => ({ replies: [{ type: 'text', text: 'ok' }], echo: request.body }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address() as { port: number };
console.info(`listening ${address.port}`);
