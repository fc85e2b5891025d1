import fp from 'fastify-plugin';
import { createStationsFlow } from './flow/stations-flow.js';
import { nearbyRoute } from './routes/nearby-route.js';
import { staffStationRoutes } from './routes/staff-routes.js';
import { loadSampleStations } from './sample/load-sample.js';
import { createStationRepo, type StationRepo } from './station-repo.js';
import { createStationService, type StationService } from './station-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    stations: StationService;
    stationRepo: StationRepo;
  }
}

/**
 * Rest stations: the repository, the in-memory index (built at start, rebuilt on change), the
 * nearby and staff routes, and the chat flow for the `stations` and `location` intents.
 */
export default fp(
  async (app) => {
    const repo = createStationRepo(app.prisma);
    const service = createStationService(repo, app.log);
    app.decorate('stationRepo', repo);
    app.decorate('stations', service);

    if (app.config.SEED_SAMPLE_DATA && (await repo.count()) === 0) {
      const loaded = await loadSampleStations(repo);
      app.log.info({ stations: loaded }, 'loaded sample stations (source "sample")');
    }
    await service.reload();

    app.flows.register(createStationsFlow(service));
    await app.register(nearbyRoute);
    await app.register(staffStationRoutes);
  },
  { name: 'stations', dependencies: ['prisma', 'i18n', 'conversation', 'config'] },
);
