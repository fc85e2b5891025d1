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
 */
export class Bm25 {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly lengths: number[];
  private readonly avgLength: number;

  constructor(
    docs: readonly string[][],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.lengths = docs.map((tokens) => tokens.length);
    this.avgLength = this.lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, docs.length);
    docs.forEach((tokens, doc) => {
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = this.postings.get(term);
        if (!list) {
          list = [];
          this.postings.set(term, list);
        }
        list.push({ doc, tf });
      }
    });
  }

  get size(): number {
    return this.lengths.length;
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    if (!df) return 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  search(query: readonly QueryTerm[], limit: number): Scored[] {
    // The same word twice in a question (or from two synonym groups) counts once, at its best weight.
    const terms = new Map<string, number>();
    for (const { term, weight } of query) terms.set(term, Math.max(weight, terms.get(term) ?? 0));
    // Typed arrays and a list of touched documents: no per-hit allocation on the hot path.
    const scores = new Float64Array(this.size);
    const matched = new Float64Array(this.size);
    const touched: number[] = [];
    let mass = 0;
    for (const [term, weight] of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term) * weight;
      mass += idf;
      for (const { doc, tf } of list) {
        const norm = tf + this.k1 * (1 - this.b + (this.b * (this.lengths[doc] ?? 0)) / this.avgLength);
        if (matched[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] ?? 0) + (idf * (tf * (this.k1 + 1))) / norm;
        matched[doc] = (matched[doc] ?? 0) + idf;
      }
    }
    touched.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
    return touched.slice(0, limit).map((doc) => ({
      doc,
      score: scores[doc] ?? 0,
      coverage: mass ? (matched[doc] ?? 0) / mass : 0,
    }));
  }
}
