import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateStation } from '../import/validate-station.js';
import type { StationRepo } from '../station-repo.js';

export const SAMPLE_FILE = fileURLToPath(new URL('./stations.sample.json', import.meta.url));

interface SampleFile {
  stations: Record<string, unknown>[];
}

/**
 * Load the labelled sample stations (source "sample") through the same validation as an import.
 * A sample row that fails validation is a bug in the file, so it throws.
 */
export async function loadSampleStations(repo: StationRepo): Promise<number> {
  const file = JSON.parse(fs.readFileSync(SAMPLE_FILE, 'utf8')) as SampleFile;
  const stations = file.stations.map((raw, i) => {
    const checked = validateStation(raw, 'gcj02');
    if (!checked.ok) throw new Error(`sample station ${i + 1}: ${checked.errors.join('; ')}`);
    if (checked.station.source !== 'sample')
      throw new Error(`sample station ${i + 1} is not labelled sample`);
    return checked.station;
  });
  const { created, updated } = await repo.upsertMany(stations);
  return created + updated;
}
