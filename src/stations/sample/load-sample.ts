import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/paths.js';
import { validateStation } from '../import/validate-station.js';
import type { StationRepo } from '../station-repo.js';

// From the project root, not this module's folder: the compiled dist/ holds no data files.
export const SAMPLE_FILE = path.join(PROJECT_ROOT, 'src', 'stations', 'sample', 'stations.sample.json');

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
