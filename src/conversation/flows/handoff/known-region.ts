import { resolvePlace } from '../../../regions/resolve-place.js';
import type { FlowContext } from '../../flow.js';

/**
 * Where the worker works, as far as this conversation knows it: the district an intake in
 * progress has settled, else a district or street named in this very message ("我在徐汇区").
 * A name found in several cities (朝阳区) or a province alone does not choose an office.
 */
export function knownRegion(ctx: Pick<FlowContext, 'state' | 'text'>): string | undefined {
  const fromFlow = ctx.state.flow?.data?.regionCode;
  if (typeof fromFlow === 'string' && /^\d{6}(?:\d{3})?$/.test(fromFlow)) return fromFlow;
  if (!ctx.text) return undefined;
  const place = resolvePlace(ctx.text);
  if (!place.ok || (place.region.level !== 'county' && place.region.level !== 'street')) return undefined;
  return place.region.code;
}
