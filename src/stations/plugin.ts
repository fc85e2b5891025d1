import fp from 'fastify-plugin';
import { nearbyRoute } from './routes/nearby-route.js';
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
 * Rest stations: the repository, the in-memory index (built at start, rebuilt on change) and the
 * public nearby route. The chat flow is in conversation/flows/stations, staff routes in console-api.
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

    await app.register(nearbyRoute);
  },
  { name: 'stations', dependencies: ['prisma', 'config'] },
);
