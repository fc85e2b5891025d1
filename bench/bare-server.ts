// The baseline for cold start: a Fastify process with one route, started like the server
// (compiled, node dist/…; stations-start.bench.ts bundles it), so the difference is what
// Gongyou itself does at start.
import Fastify from 'fastify';

const app = Fastify({ logger: { level: 'info' } });
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
