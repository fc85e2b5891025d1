/**
 * One table of the texts many stations repeat (region codes, operators, sources, phone numbers
 * of a city's hotline, status notes). A station keeps a 32-bit number per field instead of its
 * own copy of the string: 200,000 rows read from SQLite would otherwise hold 200,000 copies of
 * "synthetic-benchmark". Number 0 is null.
 */
export class SharedStrings {
  private readonly numbers = new Map<string, number>();
  private readonly texts: (string | null)[] = [null];

  /** The number of a text, added on first sight. */
  number(text: string | null | undefined): number {
    if (text === null || text === undefined) return 0;
    let n = this.numbers.get(text);
    if (n === undefined) {
      n = this.texts.length;
      this.texts.push(text);
      this.numbers.set(text, n);
    }
    return n;
  }

  text(n: number): string | null {
    return this.texts[n] ?? null;
  }

  get size(): number {
    return this.texts.length - 1;
  }
}
