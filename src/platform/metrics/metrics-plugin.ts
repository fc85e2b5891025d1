import fp from 'fastify-plugin';
import { createLoadMonitor, type LoadMonitor } from './load-monitor.js';
import { Counter, Histogram, MetricsRegistry } from './registry.js';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: MetricsRegistry;
    httpMetrics: { requests: Counter; duration: Histogram };
    /** Event-loop delay and overload (readiness reads it). */
    load: LoadMonitor;
  }
}

/** Request counts and latencies by route, and the /metrics endpoint in Prometheus text format. */
export default fp(
  async (app) => {
    const metrics = new MetricsRegistry();
    const requests = metrics.register(
      new Counter('gongyou_http_requests_total', 'HTTP requests by method, route and status code.'),
    );
    const duration = metrics.register(
      new Histogram(
        'gongyou_http_request_duration_seconds',
        'HTTP request latency by route.',
        [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      ),
    );
    const load = metrics.register(createLoadMonitor());
    // Measured from ready on: the start itself (loading models, seeding) blocks the loop by
    // design and must not make a fresh instance report itself overloaded.
    app.addHook('onReady', async () => load.start());
    app.addHook('onClose', async () => load.stop());
    app.decorate('metrics', metrics);
    app.decorate('load', load);
    app.decorate('httpMetrics', { requests, duration });

    app.addHook('onResponse', async (request, reply) => {
      // The route pattern, not the URL: ticket numbers and ids must not explode the label set.
      const route = request.routeOptions.url ?? 'unmatched';
      const labels = { method: request.method, route, status: reply.statusCode };
      requests.inc(labels);
      duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });

    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      reply.type('text/plain; version=0.0.4; charset=utf-8');
      return metrics.render();
    });
  },
  { name: 'metrics' },
);
