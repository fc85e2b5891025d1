import fp from 'fastify-plugin';
import { engineOf } from '../platform/db/database-engine.js';
import { sqlitePathFromUrl } from '../platform/db/sqlite-path.js';
import { nearbyRoute } from './routes/nearby-route.js';
import { loadSampleStations } from './sample/load-sample.js';
import { createStationRepo, type StationRepo } from './station-repo.js';
import { createStationService, type StationService } from './station-service.js';
import { loadStationTable } from './store/load-station-table.js';

declare module 'fastify' {
  interface FastifyInstance {
    stations: StationService;
    stationRepo: StationRepo;
  }
}

export interface StationsPluginOptions {
  /**
   * Build the index once the server listens instead of before (server.ts): a start with 200,000
   * stations is healthy in well under 2 s, and /readyz says `stations: warming` meanwhile.
   * Tests and scripts leave it off and get a built index from buildApp.
   */
  warmUpAfterListen?: boolean;
}

/**
 * Rest stations: the repository, the in-memory index (built at start, rebuilt on change) and the
 * public nearby route. The chat flow is in conversation/flows/stations, staff routes in console-api.
 */
export default fp<StationsPluginOptions>(
  async (app, options) => {
    const repo = createStationRepo(app.prisma);
    // The chunked warm-up reads the SQLite file on a connection of its own. A second connection
    // cannot see an in-memory database, and PostgreSQL has no file: those read through Prisma.
    const databasePath =
      engineOf(app.config.DATABASE_URL) === 'sqlite'
        ? sqlitePathFromUrl(app.config.DATABASE_URL)
        : ':memory:';
    const loadTable =
      databasePath === ':memory:'
        ? undefined
        : (onBad: Parameters<typeof loadStationTable>[1]) => loadStationTable(databasePath, onBad);
    const service = createStationService(repo, { log: app.log, ...(loadTable ? { loadTable } : {}) });
    app.decorate('stationRepo', repo);
    app.decorate('stations', service);
    app.addHook('onClose', async () => service.close());
    app.readiness.add('stations', () => service.state);

    // On a new database the sample stations come first. Validating them builds the GB/T 2260
    // index (a few hundred ms): after listening too, when the index is.
    const seedSample = async () => {
      if (app.config.SEED_SAMPLE_DATA && (await repo.count()) === 0) {
        const loaded = await loadSampleStations(repo);
        app.log.info({ stations: loaded }, 'loaded sample stations (source "sample")');
      }
    };
    if (options.warmUpAfterListen) {
      app.addHook('onListen', async () => {
        void seedSample()
          .then(() => service.warmUp())
          .catch((err: unknown) => app.log.error({ err }, 'stations: warm-up after listening failed'));
      });
    } else {
      await seedSample();
      await service.reload();
    }

    await app.register(nearbyRoute);
  },
  { name: 'stations', dependencies: ['prisma', 'config', 'readiness'] },
);
