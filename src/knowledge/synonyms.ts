// Colloquial and English ways of saying a labor-law concept, mapped to the words statutes and
// cards use. Matching is on the normalised question text (substring for Chinese, word for
// English); every matched group adds its `terms` to the query at reduced weight. The groups
// are data (synonyms.json), so legal staff can add a way of saying a thing without code.

import synonymData from './synonyms.json' with { type: 'json' };

export interface SynonymGroup {
  /**
   * What people say. Chinese as substrings; English as whole words (stems allowed with *); a
   * RegExp for phrasings with words in between (欠了我三个月工资).
   */
  say: (string | RegExp)[];
  /** Statute words to add to the query. */
  terms: string;
  /** Says who is asking (a rider, a migrant worker), not what about: no evidence of topic. */
  who?: true;
}

/** As stored in synonyms.json: a RegExp is written `{ "re": source }`. */
type StoredPhrase = string | { re: string };

export const SYNONYMS: SynonymGroup[] = (
  synonymData as { say: StoredPhrase[]; terms: string; who?: true }[]
).map((group) => ({
  ...group,
  say: group.say.map((phrase) => (typeof phrase === 'string' ? phrase : new RegExp(phrase.re))),
}));

const ASCII_WORD = /^[a-z0-9' +*-]+$/;

function matcher(phrase: string | RegExp): (text: string) => boolean {
  if (phrase instanceof RegExp) return (text) => phrase.test(text);
  if (!ASCII_WORD.test(phrase)) return (text) => text.includes(phrase);
  const body = phrase
    .replace(/[-+]/g, (c) => `\\${c}`)
    .replace(/\*$/, '[a-z]*')
    .replace(/ /g, '\\s+');
  const pattern = new RegExp(`(?:^|[^a-z0-9])${body}(?:$|[^a-z0-9])`);
  return (text) => pattern.test(text);
}

const COMPILED = SYNONYMS.map((group) => ({
  tests: group.say.map(matcher),
  terms: group.terms,
  who: group.who ?? false,
}));

/** Statute words for every group the (normalised) question mentions. */
export function expandSynonyms(normalText: string): { terms: string; who: boolean }[] {
  return COMPILED.filter((group) => group.tests.some((test) => test(normalText))).map(({ terms, who }) => ({
    terms,
    who,
  }));
}
