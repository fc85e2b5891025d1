import fp from 'fastify-plugin';
import { type CaseService, createCaseService } from '../cases/case-service.js';
import { createEmployerRegistry, type EmployerRegistry } from '../employers/employer-registry.js';
import { createMeasureService, type MeasureService } from './measure-service.js';
import { createMeasureStore } from './measure-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Employers as one entity: ensure(name, creditCode), resolve(names), merge, setCreditCode. */
    employers: EmployerRegistry;
    /** Recovered amounts, limitation facts, arbitration limits, near-limit list, recovered totals. */
    measures: MeasureService;
    /** Collective cases: tickets against one employer grouped, one status. */
    cases: CaseService;
  }
}

/** What a union measures (docs/MEASURES.md), told of every new ticket by the tickets domain. */
export default fp(
  async (app) => {
    const employers = createEmployerRegistry(app.prisma);
    const measures = createMeasureService({ store: createMeasureStore(app.prisma), employers });
    app.decorate('employers', employers);
    app.decorate('measures', measures);
    app.decorate('cases', createCaseService(app.prisma, employers));
    app.tickets.onFiled(async ({ id, input }) => {
      await measures.onFiled(
        { id, type: input.type, employer: input.employer ?? null },
        {
          stillEmployed: input.stillEmployed,
          employmentEndedOn: input.employmentEndedOn,
          violationKnownOn: input.violationKnownOn,
        },
        input.employerCreditCode,
      );
    });
  },
  { name: 'measures', dependencies: ['prisma', 'tickets'] },
);
