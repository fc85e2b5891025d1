import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { PrismaClient as PostgresPrismaClient } from '../../generated/prisma-postgres/client.js';
import { rememberDriver } from './database-engine.js';

export interface PostgresOptions {
  /** Connections per instance; several instances share the server's max_connections. */
  poolSize?: number;
}

/**
 * A Prisma client on the JS engine over node-postgres. The pool is ours, handed to the adapter,
 * so the stores that run raw SQL (a chat turn, a ticket number) draw from the same connections
 * Prisma does. The PostgreSQL client is generated from prisma/schema-postgres, the same models
 * as the SQLite one (derived from it), so it is typed as the one `Db` every store knows.
 */
export async function createPostgresPrisma(
  databaseUrl: string,
  options: PostgresOptions = {},
): Promise<PrismaClient> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    // An idle pool must not keep a finished CLI or test process alive.
    allowExitOnIdle: true,
  });
  // A connection the server drops while idle (restart, failover) must not crash the process.
  pool.on('error', () => {});
  const client = new PostgresPrismaClient({ adapter: new PrismaPg(pool) });
  const prisma = client as unknown as PrismaClient;
  const disconnect = prisma.$disconnect.bind(prisma);
  prisma.$disconnect = async () => {
    await disconnect();
    if (!pool.ended) await pool.end();
  };
  await prisma.$connect();
  rememberDriver(prisma, { engine: 'postgres', pool });
  return prisma;
}
