// English as workers type it on a phone: no capitals, no apostrophes, irregular past tenses and
// plural or -ing forms of the same few verbs ("paid", "paying", "pays" all say pay).

/** Forms that suffix stripping cannot reach, mapped to the stem the rest of the corpus uses. */
const IRREGULAR: Record<string, string> = {
  paid: 'pay',
  owed: 'owe',
  owes: 'owe',
  owing: 'owe',
  gave: 'give',
  given: 'give',
  got: 'get',
  gotten: 'get',
  hurt: 'hurt',
  broke: 'break',
  broken: 'break',
  fell: 'fall',
  fallen: 'fall',
  left: 'leave',
  quit: 'quit',
  hit: 'hit',
  salery: 'salary',
  sallary: 'salary',
  wages: 'wage',
  monies: 'money',
  months: 'month',
  mths: 'month',
};

/** Contractions typed without an apostrophe, and plain negations: one cue, "not". */
const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'didnt',
  'dont',
  'doesnt',
  'havent',
  'hasnt',
  'hadnt',
  'wont',
  'cant',
  'cannot',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'refuse',
  'refused',
  'refuses',
  'without',
]);

export function isNegation(word: string): boolean {
  return NEGATIONS.has(word);
}

/** A stem good enough to join "fired"/"fire", "settling"/"settle", "stations"/"station". */
export function stemEnglish(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length > 5 && word.endsWith('ing')) return restoreE(word.slice(0, -3));
  if (word.length > 4 && word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return restoreE(word.slice(0, -2));
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('es') && /(sh|ch|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us'))
    return word.slice(0, -1);
  return word;
}

/** "settl" → "settle", "fir" → "fire", "stopp" → "stop": the stem its base form has. */
function restoreE(stem: string): string {
  if (/([bdgklmnprt])\1$/.test(stem) && !stem.endsWith('ll')) return stem.slice(0, -1);
  if (/[^aeiou][aeiou][^aeiouwxy]$/.test(stem) && stem.length <= 4) return `${stem}e`;
  if (/(tl|bl|dl|gl|kl|pl|z|v|c|us|ag)$/.test(stem)) return `${stem}e`;
  return stem;
}
