/** A query word and how much it counts (synonym expansions count less than the user's words). */
export interface QueryTerm {
  term: string;
  weight: number;
}

export interface Scored {
  doc: number;
  score: number;
  /** Share of the query's idf mass this document matched (0–1): a confidence signal. */
  coverage: number;
}

/**
 * Okapi BM25 over an inverted index. Documents are token lists; build once, search many times
 * (microseconds per query for a few thousand documents).
 *
 * The postings of every term sit in two flat typed arrays, a term's run from `starts[id]` to
 * `starts[id + 1]`: one object per term (an Int32Array, a Float64Array and their two buffers)
 * cost about 350 bytes of heap per term, ~17 MB for the cards' and asks' 47,000 terms.
 */
export class Bm25 {
  /** Term → its number; its postings are `docs`/`parts` from `starts[n]` to `starts[n + 1]`. */
  private readonly termIds = new Map<string, number>();
  private readonly starts: Int32Array;
  /** The documents that hold each term, ascending within a term's run. */
  private readonly docs: Int32Array;
  /** tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)): all of BM25 but the idf, worked out at build. */
  private readonly parts: Float64Array;
  private readonly lengths: Int32Array;
  private readonly avgLength: number;
  // Reused from query to query: a search allocates only its results.
  private readonly scores: Float64Array;
  private readonly matched: Float64Array;
  private readonly touched: Int32Array;

  constructor(docs: readonly string[][], k1 = 1.2, b = 0.75) {
    this.lengths = Int32Array.from(docs, (tokens) => tokens.length);
    let total = 0;
    for (const tokens of docs) total += tokens.length;
    this.avgLength = total / Math.max(1, docs.length);
    // One (term, doc, tf) entry per distinct term of each document, in document order.
    const entryTerm: number[] = [];
    const entryDoc: number[] = [];
    const entryTf: number[] = [];
    const perTerm: number[] = [];
    docs.forEach((tokens, doc) => {
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = perTerm.length;
          this.termIds.set(term, id);
          perTerm.push(0);
        }
        perTerm[id] = (perTerm[id] as number) + 1;
        entryTerm.push(id);
        entryDoc.push(doc);
        entryTf.push(tf);
      }
    });
    this.starts = new Int32Array(perTerm.length + 1);
    for (let id = 0; id < perTerm.length; id++) {
      this.starts[id + 1] = (this.starts[id] as number) + (perTerm[id] as number);
    }
    // A stable counting sort by term keeps each run in document order.
    const next = this.starts.slice(0, perTerm.length);
    this.docs = new Int32Array(entryDoc.length);
    this.parts = new Float64Array(entryDoc.length);
    for (let e = 0; e < entryDoc.length; e++) {
      const id = entryTerm[e] as number;
      const at = next[id] as number;
      next[id] = at + 1;
      const doc = entryDoc[e] as number;
      const tf = entryTf[e] as number;
      const norm = tf + k1 * (1 - b + (b * (this.lengths[doc] ?? 0)) / this.avgLength);
      this.docs[at] = doc;
      this.parts[at] = (tf * (k1 + 1)) / norm;
    }
    this.scores = new Float64Array(docs.length);
    this.matched = new Float64Array(docs.length);
    this.touched = new Int32Array(docs.length);
  }

  get size(): number {
    return this.lengths.length;
  }

  idf(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.idfOf(id);
  }

  private idfOf(id: number): number {
    const df = (this.starts[id + 1] as number) - (this.starts[id] as number);
    if (!df) return 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  search(query: readonly QueryTerm[], limit: number): Scored[] {
    // The same word twice in a question (or from two synonym groups) counts once, at its best weight.
    const terms = new Map<string, number>();
    for (const { term, weight } of query) terms.set(term, Math.max(weight, terms.get(term) ?? 0));
    const { scores, matched, touched, docs, parts } = this;
    let count = 0;
    let mass = 0;
    for (const [term, weight] of terms) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const idf = this.idfOf(id) * weight;
      mass += idf;
      const end = this.starts[id + 1] as number;
      for (let i = this.starts[id] as number; i < end; i++) {
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
    const lists: { idf: number; start: number; end: number }[] = [];
    let mass = 0;
    for (const [term, weight] of terms) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const idf = this.idfOf(id) * weight;
      mass += idf;
      lists.push({ idf, start: this.starts[id] as number, end: this.starts[id + 1] as number });
    }
    return docs.map((doc) => {
      let score = 0;
      let matched = 0;
      for (const { idf, start, end } of lists) {
        const at = find(this.docs, start, end, doc);
        if (at < 0) continue;
        score += idf * (this.parts[at] as number);
        matched += idf;
      }
      return { doc, score, coverage: mass ? matched / mass : 0 };
    });
  }
}

/** Index of `doc` in the ascending run `docs[start..end)`, or −1. */
function find(docs: Int32Array, start: number, end: number, doc: number): number {
  let low = start;
  let high = end - 1;
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
