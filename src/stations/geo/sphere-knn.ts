import type KDBush from 'kdbush';

import { boxDist, EARTH_RADIUS_KM, haverSin, RAD, SLACK, TINY } from './sphere-bounds.js';

/** Decides, by position in the tree's order, whether a point may be returned. */
export type PositionFilter = (position: number) => boolean;

/**
 * k-nearest on the sphere over a finished kdbush tree, without allocating per query.
 *
 * The walk is geokdbush's: best-first over the tree's nodes, each with a spherical lower bound
 * (its boxDist), in haversine units h = sin²(Δ/2). It differs in how it spends time:
 *  - points are ranked by the squared chord between precomputed unit vectors (h = chord²/4,
 *    exact, no trigonometry per point) and only the best k are kept, instead of pushing every
 *    point of every visited leaf onto the queue as an object;
 *  - the node queue and the result list live in typed arrays reused from query to query, so a
 *    query creates no garbage and the p99 is not a garbage-collection pause;
 *  - the filter runs only on a point that would enter the best k, not on every point visited.
 *
 * Not reentrant: a filter must not query the same instance (nothing in the service does).
 */
export class SphereKnn {
  /** The last tree position (the tree spans 0 … right). */
  private readonly right: number;
  private readonly nodeSize: number;
  /** Unit vectors (x, y, z) of the points, in the tree's order. */
  private readonly xyz: Float64Array;
  private readonly coords: ArrayLike<number>;

  // The node queue: a binary min-heap on the lower bound, in parallel arrays.
  private heapDist = new Float64Array(256);
  private heapLeft = new Int32Array(256);
  private heapRight = new Int32Array(256);
  private heapAxis = new Uint8Array(256);
  /** minLng, minLat, maxLng, maxLat per heap slot. */
  private heapBox = new Float64Array(256 * 4);
  private heapSize = 0;

  // The best k so far, ascending by h.
  private bestH = new Float64Array(32);
  private bestPos = new Int32Array(32);
  private bestCount = 0;

  constructor(tree: KDBush) {
    const coords = tree.coords;
    const count = tree.ids.length;
    this.right = count - 1;
    this.nodeSize = tree.nodeSize;
    this.coords = coords;
    this.xyz = new Float64Array(count * 3);
    for (let p = 0; p < count; p++) {
      const lng = (coords[2 * p] as number) * RAD;
      const lat = (coords[2 * p + 1] as number) * RAD;
      const cosLat = Math.cos(lat);
      this.xyz[3 * p] = cosLat * Math.cos(lng);
      this.xyz[3 * p + 1] = cosLat * Math.sin(lng);
      this.xyz[3 * p + 2] = Math.sin(lat);
    }
  }

  /**
   * Tree positions of the `limit` points nearest to (lng, lat), closest first, within
   * `maxDistanceKm` on a sphere of radius 6371 km, keeping only those `accept` allows.
   */
  around(lng: number, lat: number, limit: number, maxDistanceKm: number, accept?: PositionFilter): number[] {
    if (this.right < 0 || limit <= 0) return [];
    const k = Math.min(limit, this.right + 1);
    if (this.bestH.length < k) {
      this.bestH = new Float64Array(k);
      this.bestPos = new Int32Array(k);
    }
    this.bestCount = 0;
    this.heapSize = 0;
    // A radius of π·R or more is the whole sphere: h reaches at most 1.
    const angle = maxDistanceKm / EARTH_RADIUS_KM;
    const maxH = angle >= Math.PI ? 1 : haverSin(angle);

    const latR = lat * RAD;
    const lngR = lng * RAD;
    const cosLat = Math.cos(latR);
    const qx = cosLat * Math.cos(lngR);
    const qy = cosLat * Math.sin(lngR);
    const qz = Math.sin(latR);
    const xyz = this.xyz;
    const coords = this.coords;
    const nodeSize = this.nodeSize;

    this.writeSlot(this.reserve(0), 0, 0, this.right, 0, -180, -90, 180, 90);
    while (this.heapSize > 0) {
      // Every point left is at least this far: stop once it cannot beat the k-th.
      if (this.heapDist[0]! > this.worstKept(k, maxH) * SLACK + TINY) break;
      const left = this.heapLeft[0]!;
      const right = this.heapRight[0]!;
      const axis = this.heapAxis[0]!;
      const box = this.heapBox;
      const minLng = box[0]!;
      const minLat = box[1]!;
      const maxLng = box[2]!;
      const maxLat = box[3]!;
      this.pop();

      if (right - left <= nodeSize) {
        for (let p = left; p <= right; p++) this.consider(p, qx, qy, qz, xyz, k, maxH, accept);
        continue;
      }
      const m = (left + right) >> 1;
      this.consider(m, qx, qy, qz, xyz, k, maxH, accept);
      const midLng = coords[2 * m] as number;
      const midLat = coords[2 * m + 1] as number;
      const nextAxis = 1 - axis;
      const bound = this.worstKept(k, maxH) * SLACK + TINY;
      // The lower half (west of or south of the middle point) …
      const lowMaxLng = axis === 0 ? midLng : maxLng;
      const lowMaxLat = axis === 1 ? midLat : maxLat;
      const lowDist = boxDist(lng, lat, cosLat, minLng, minLat, lowMaxLng, lowMaxLat);
      if (m - 1 >= left && lowDist <= bound)
        this.writeSlot(
          this.reserve(lowDist),
          lowDist,
          left,
          m - 1,
          nextAxis,
          minLng,
          minLat,
          lowMaxLng,
          lowMaxLat,
        );
      // … and the upper half.
      const highMinLng = axis === 0 ? midLng : minLng;
      const highMinLat = axis === 1 ? midLat : minLat;
      const highDist = boxDist(lng, lat, cosLat, highMinLng, highMinLat, maxLng, maxLat);
      if (right >= m + 1 && highDist <= bound)
        this.writeSlot(
          this.reserve(highDist),
          highDist,
          m + 1,
          right,
          nextAxis,
          highMinLng,
          highMinLat,
          maxLng,
          maxLat,
        );
    }

    const out = new Array<number>(this.bestCount);
    for (let i = 0; i < this.bestCount; i++) out[i] = this.bestPos[i]!;
    return out;
  }

  /** The h a point must beat to be kept: the k-th best once there are k, else the radius. */
  private worstKept(k: number, maxH: number): number {
    return this.bestCount < k ? maxH : this.bestH[k - 1]!;
  }

  private consider(
    p: number,
    qx: number,
    qy: number,
    qz: number,
    xyz: Float64Array,
    k: number,
    maxH: number,
    accept: PositionFilter | undefined,
  ): void {
    const dx = xyz[3 * p]! - qx;
    const dy = xyz[3 * p + 1]! - qy;
    const dz = xyz[3 * p + 2]! - qz;
    const h = (dx * dx + dy * dy + dz * dz) / 4;
    if (h > maxH) return;
    let count = this.bestCount;
    const bestH = this.bestH;
    if (count === k && h >= bestH[k - 1]!) return;
    if (accept && !accept(p)) return;
    const bestPos = this.bestPos;
    if (count === k) count--;
    let at = count;
    while (at > 0 && bestH[at - 1]! > h) {
      bestH[at] = bestH[at - 1]!;
      bestPos[at] = bestPos[at - 1]!;
      at--;
    }
    bestH[at] = h;
    bestPos[at] = p;
    this.bestCount = count + 1;
  }

  /** Makes room for an entry with this bound; returns the slot to write it into. */
  private reserve(dist: number): number {
    if (this.heapSize === this.heapDist.length) this.growHeap();
    let at = this.heapSize++;
    // Sift up, moving parents down into the hole.
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.heapDist[parent]! <= dist) break;
      this.moveSlot(parent, at);
      at = parent;
    }
    return at;
  }

  /** Removes the root; its fields must have been read first. */
  private pop(): void {
    const last = --this.heapSize;
    if (last === 0) return;
    const dist = this.heapDist[last]!;
    let at = 0;
    const half = last >> 1;
    while (at < half) {
      let child = 2 * at + 1;
      const other = child + 1;
      if (other < last && this.heapDist[other]! < this.heapDist[child]!) child = other;
      if (this.heapDist[child]! >= dist) break;
      this.moveSlot(child, at);
      at = child;
    }
    if (at !== last) this.moveSlot(last, at);
  }

  private moveSlot(from: number, to: number): void {
    this.heapDist[to] = this.heapDist[from]!;
    this.heapLeft[to] = this.heapLeft[from]!;
    this.heapRight[to] = this.heapRight[from]!;
    this.heapAxis[to] = this.heapAxis[from]!;
    this.heapBox.copyWithin(4 * to, 4 * from, 4 * from + 4);
  }

  private writeSlot(
    at: number,
    dist: number,
    left: number,
    right: number,
    axis: number,
    minLng: number,
    minLat: number,
    maxLng: number,
    maxLat: number,
  ): void {
    this.heapDist[at] = dist;
    this.heapLeft[at] = left;
    this.heapRight[at] = right;
    this.heapAxis[at] = axis;
    const box = this.heapBox;
    box[4 * at] = minLng;
    box[4 * at + 1] = minLat;
    box[4 * at + 2] = maxLng;
    box[4 * at + 3] = maxLat;
  }

  private growHeap(): void {
    const size = this.heapDist.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(
      old: T,
      make: (n: number) => T,
      n: number,
    ) => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.heapDist = grow(this.heapDist, (n) => new Float64Array(n), size);
    this.heapLeft = grow(this.heapLeft, (n) => new Int32Array(n), size);
    this.heapRight = grow(this.heapRight, (n) => new Int32Array(n), size);
    this.heapAxis = grow(this.heapAxis, (n) => new Uint8Array(n), size);
    this.heapBox = grow(this.heapBox, (n) => new Float64Array(n), size * 4);
  }
}
