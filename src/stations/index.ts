export { AMENITIES, type Amenity } from './amenities.js';
export { convert, isInChina, toGcj02 } from './geo/coords.js';
export { StationIndex } from './geo/station-index.js';
export { default as stationsPlugin } from './plugin.js';
export type { Station, StationInput } from './station.js';
export type { NearbyQuery, NearbyResult, StationService } from './station-service.js';
