// A small built-in word segmentation: forward maximum match over a lexicon that training builds
// from the corpus and the knowledge cards (build-lexicon.ts) and ships inside the model file.
// Whole words ("拖欠", "结算", "驿站") give the model features the character n-grams only
// approximate, without a native segmenter at run time.

export interface Lexicon {
  words: ReadonlySet<string>;
  maxLength: number;
}

export function makeLexicon(words: readonly string[]): Lexicon {
  return { words: new Set(words), maxLength: words.reduce((max, word) => Math.max(max, word.length), 1) };
}

/** The words of one run of Han characters; a character no lexicon word starts with is a word of its own. */
export function segmentRun(run: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < run.length) {
    let length = Math.min(lexicon.maxLength, run.length - i);
    while (length > 1 && !lexicon.words.has(run.slice(i, i + length))) length--;
    out.push(run.slice(i, i + length));
    i += length;
  }
  return out;
}
