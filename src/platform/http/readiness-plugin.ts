import fp from 'fastify-plugin';

export interface Readiness {
  /**
   * A part of the service that may still be getting ready after the server listens (the station
   * index warming up). /readyz lists every part's current state beside its own status.
   */
  add(name: string, state: () => string): void;
  parts(): Record<string, string>;
}

declare module 'fastify' {
  interface FastifyInstance {
    readiness: Readiness;
  }
}

/** Registered with the infrastructure, before the domains that report into it. */
export default fp(
  async (app) => {
    const parts = new Map<string, () => string>();
    app.decorate('readiness', {
      add(name, state) {
        parts.set(name, state);
      },
      parts: () => Object.fromEntries([...parts].map(([name, state]) => [name, state()])),
    } satisfies Readiness);
  },
  { name: 'readiness' },
);
