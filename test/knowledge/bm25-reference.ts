// src/knowledge/bm25.ts as it was before its postings moved into flat typed arrays (one
// Int32Array and one Float64Array per term): the reference its results are held equal to.
import type { QueryTerm, Scored } from '../../src/knowledge/bm25.js';

/** One term's postings: the documents that hold it and each one's BM25 term-frequency part. */
interface Postings {
  docs: Int32Array;
  /** tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)): all of BM25 but the idf, worked out at build. */
  parts: Float64Array;
}

/**
 * Okapi BM25 over an inverted index. Documents are token lists; build once, search many times
 * (microseconds per query for a few thousand documents).
 */
export class Bm25Reference {
  private readonly postings = new Map<string, Postings>();
  private readonly lengths: number[];
  private readonly avgLength: number;
  // Reused from query to query: a search allocates only its results.
  private readonly scores: Float64Array;
  private readonly matched: Float64Array;
  private readonly touched: Int32Array;

  constructor(docs: readonly string[][], k1 = 1.2, b = 0.75) {
    this.lengths = docs.map((tokens) => tokens.length);
    this.avgLength = this.lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, docs.length);
    const lists = new Map<string, { doc: number; tf: number }[]>();
    docs.forEach((tokens, doc) => {
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = lists.get(term);
        if (!list) {
          list = [];
          lists.set(term, list);
        }
        list.push({ doc, tf });
      }
    });
    for (const [term, list] of lists) {
      const docsOf = new Int32Array(list.length);
      const parts = new Float64Array(list.length);
      list.forEach(({ doc, tf }, i) => {
        const norm = tf + k1 * (1 - b + (b * (this.lengths[doc] ?? 0)) / this.avgLength);
        docsOf[i] = doc;
        parts[i] = (tf * (k1 + 1)) / norm;
      });
      this.postings.set(term, { docs: docsOf, parts });
    }
    this.scores = new Float64Array(docs.length);
    this.matched = new Float64Array(docs.length);
    this.touched = new Int32Array(docs.length);
  }

  get size(): number {
    return this.lengths.length;
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    if (!df) return 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  search(query: readonly QueryTerm[], limit: number): Scored[] {
    // The same word twice in a question (or from two synonym groups) counts once, at its best weight.
    const terms = new Map<string, number>();
    for (const { term, weight } of query) terms.set(term, Math.max(weight, terms.get(term) ?? 0));
    const { scores, matched, touched } = this;
    let count = 0;
    let mass = 0;
    for (const [term, weight] of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term) * weight;
      mass += idf;
      const { docs, parts } = list;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        if (matched[doc] === 0) touched[count++] = doc;
        scores[doc] = (scores[doc] as number) + idf * (parts[i] as number);
        matched[doc] = (matched[doc] as number) + idf;
      }
    }
    const best = topByScore(touched, count, scores, limit);
    const results = best.map((doc) => ({
      doc,
      score: scores[doc] as number,
      coverage: mass ? (matched[doc] as number) / mass : 0,
    }));
    // Leave the buffers zeroed for the next query.
    for (let i = 0; i < count; i++) {
      const doc = touched[i] as number;
      scores[doc] = 0;
      matched[doc] = 0;
    }
    return results;
  }

  /**
   * The scores of the given documents only (each posting list is in document order, so a binary
   * search finds a document): for a few hundred documents this is much cheaper than `search`,
   * whose cost grows with every document a question's bigrams touch.
   */
  scoreDocs(query: readonly QueryTerm[], docs: readonly number[]): Scored[] {
    const terms = new Map<string, number>();
    for (const { term, weight } of query) terms.set(term, Math.max(weight, terms.get(term) ?? 0));
    const lists: { idf: number; postings: Postings }[] = [];
    let mass = 0;
    for (const [term, weight] of terms) {
      const postings = this.postings.get(term);
      if (!postings) continue;
      const idf = this.idf(term) * weight;
      mass += idf;
      lists.push({ idf, postings });
    }
    return docs.map((doc) => {
      let score = 0;
      let matched = 0;
      for (const { idf, postings } of lists) {
        const at = find(postings.docs, doc);
        if (at < 0) continue;
        score += idf * (postings.parts[at] as number);
        matched += idf;
      }
      return { doc, score, coverage: mass ? matched / mass : 0 };
    });
  }
}

/** Index of `doc` in an ascending posting list, or −1. */
function find(docs: Int32Array, doc: number): number {
  let low = 0;
  let high = docs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = docs[mid] as number;
    if (at === doc) return mid;
    if (at < doc) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Before: a higher score, then (ties) the lower document number. */
function ahead(scores: Float64Array, a: number, b: number): boolean {
  const sa = scores[a] as number;
  const sb = scores[b] as number;
  return sa > sb || (sa === sb && a < b);
}

/**
 * The `limit` best of the first `count` documents, best first. A question's bigrams touch most
 * of the statute set, and only the top few are wanted: a bounded heap instead of a full sort.
 */
function topByScore(touched: Int32Array, count: number, scores: Float64Array, limit: number): number[] {
  const k = Math.min(limit, count);
  if (k <= 0) return [];
  // Min-heap (the worst kept on top) of the best k so far.
  const heap: number[] = [];
  const siftDown = (from: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && ahead(scores, heap[worst] as number, heap[left] as number)) worst = left;
      if (right < heap.length && ahead(scores, heap[worst] as number, heap[right] as number)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst] as number, heap[at] as number];
      at = worst;
    }
  };
  for (let i = 0; i < count; i++) {
    const doc = touched[i] as number;
    if (heap.length < k) {
      heap.push(doc);
      // Sift up.
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!ahead(scores, heap[parent] as number, heap[at] as number)) break;
        [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
        at = parent;
      }
    } else if (ahead(scores, doc, heap[0] as number)) {
      heap[0] = doc;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (ahead(scores, a, b) ? -1 : 1));
}
