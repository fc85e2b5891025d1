import path from 'node:path';
import { PROJECT_ROOT } from '../../../platform/paths.js';
import { type IntentModel, loadIntentModel } from './intent-model.js';

/** The model `npm run nlu:train` writes and the repo ships. */
export const SHIPPED_MODEL_FILE = path.join(
  PROJECT_ROOT,
  'src',
  'conversation',
  'understanding',
  'model',
  'intent-model.json',
);

let loaded: { model: IntentModel; loadMs: number } | undefined;

/**
 * The shipped model, loaded once (at start, by the flows plugin; or on first use). A missing or
 * corrupt model file is an installation fault: it stops the service with the reason rather than
 * letting every worker's message fall through to "not understood".
 */
export function shippedModel(): { model: IntentModel; loadMs: number } {
  if (loaded) return loaded;
  const started = performance.now();
  const result = loadIntentModel(SHIPPED_MODEL_FILE);
  if (!result.ok) throw new Error(`intent model: ${result.reason} (run npm run nlu:train)`);
  loaded = { model: result.value, loadMs: performance.now() - started };
  return loaded;
}
