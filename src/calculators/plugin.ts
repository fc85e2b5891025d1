import { readFileSync } from 'node:fs';
import fp from 'fastify-plugin';
import { type AverageWage, parseAverageWages, SHIPPED_AVERAGE_WAGES } from './average-wages.js';
import { calcRoutes } from './calc-routes.js';
import { type Calculators, createCalculators } from './calculator-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** "What am I owed?": unpaid wages, overtime, double pay, economic compensation (in fen). */
    calculators: Calculators;
  }
}

/** The operator's table when AVERAGE_WAGES_FILE names one; a table that does not fit stops the start. */
function averageWages(file: string | undefined): readonly AverageWage[] {
  if (!file) return SHIPPED_AVERAGE_WAGES;
  const parsed = parseAverageWages(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`AVERAGE_WAGES_FILE ${file}: ${parsed.reason}`);
  return parsed.value;
}

export default fp(
  async (app) => {
    const calculators = createCalculators({ averageWages: averageWages(app.config.AVERAGE_WAGES_FILE) });
    app.decorate('calculators', calculators);
    await app.register(calcRoutes(calculators));
  },
  { name: 'calculators', dependencies: ['config', 'i18n'] },
);
