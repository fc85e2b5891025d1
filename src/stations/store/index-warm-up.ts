import { StationIndex } from '../geo/station-index.js';
import type { StationTableLoad } from './load-station-table.js';

/** Rows read between two turns of the event loop: a few milliseconds of work, then requests. */
const ROWS_PER_TURN = 5_000;

export interface IndexWarmUp {
  /** Resolves with the built index (rejects if reading the database fails). */
  readonly built: Promise<StationIndex>;
  /** The index, finishing the load right now if it has not finished yet. */
  now(): StationIndex;
  cancel(): void;
}

/**
 * Build the station index from a table load a chunk at a time, giving the event loop back after
 * each, so the server answers health checks and chats while 200,000 rows are read. A search that
 * cannot wait calls `now()`, which reads the rest synchronously: the answer is complete and
 * right, only later by what was left to read.
 */
export function startIndexWarmUp(
  load: StationTableLoad,
  onBuilt: (index: StationIndex) => void,
): IndexWarmUp {
  let index: StationIndex | undefined;
  let cancelled = false;
  const build = (): StationIndex => {
    if (!index) {
      index = new StationIndex(load.finish());
      onBuilt(index);
    }
    return index;
  };
  const built = new Promise<StationIndex>((resolve, reject) => {
    const turn = () => {
      try {
        if (cancelled) return reject(new Error('station index warm-up cancelled'));
        if (index || load.step(ROWS_PER_TURN)) return resolve(build());
        setImmediate(turn);
      } catch (error) {
        reject(error);
      }
    };
    setImmediate(turn);
  });
  return {
    built,
    now: build,
    cancel() {
      cancelled = true;
      load.cancel();
    },
  };
}
