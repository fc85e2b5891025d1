import type { Db } from '../../platform/db/create-prisma.js';
import { driverOf } from '../../platform/db/database-engine.js';
import { postgresTurnStatements } from './postgres-turn-statements.js';
import type { TurnStatements } from './turn-rows.js';
import { sqliteTurnStatements } from './turn-statements.js';

/** The turn statements of the engine this Prisma client runs on. */
export function createTurnStatements(prisma: Db): TurnStatements {
  const driver = driverOf(prisma);
  return driver.engine === 'postgres'
    ? postgresTurnStatements(driver.pool)
    : sqliteTurnStatements(driver.connection);
}
