import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

// Labor-law words jieba's general dictionary splits or misses; "word frequency" lines.
const LABOR_WORDS = [
  '五险一金',
  '欠薪',
  '讨薪',
  '包工头',
  '炒鱿鱼',
  '一函两书',
  '经济补偿金',
  '经济补偿',
  '赔偿金',
  '代通知金',
  '试用期',
  '总包',
  '总承包',
  '骑手',
  '众包',
  '年休假',
  '带薪年假',
  '双倍工资',
  '二倍工资',
  '劳务派遣',
  '工伤认定',
  '劳动能力鉴定',
  '职业伤害',
  '新就业形态',
  '支付令',
  '劳动仲裁',
  '劳动监察',
  '最低工资',
  '加班费',
  '社保',
  '非全日制',
  '无固定期限',
  '竞业限制',
  '服务期',
  '医疗期',
  '产假',
  '哺乳期',
  '拒不支付劳动报酬',
  '工资支付',
  '工资条',
  '工作证',
];

let jieba: Jieba | undefined;

/** One jieba instance per process: loading its dictionary takes ~0.2 s, so it happens once. */
function segmenter(): Jieba {
  if (!jieba) {
    // The dictionary file read here and dropped once jieba holds it: the package's own dict.js
    // also reads the 6 MB IDF table (unused here) and keeps both buffers for the process's life.
    const dictFile = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
    jieba = Jieba.withDict(fs.readFileSync(dictFile));
    jieba.loadDict(Buffer.from(LABOR_WORDS.map((word) => `${word} 50000 n`).join('\n')));
  }
  return jieba;
}

// Words that carry no meaning for retrieval ("我该怎么办" says nothing about the topic).
const STOP = new Set(
  (
    '的 了 吗 呢 啊 吧 呀 哦 嘛 么 我 我们 你 你们 他 他们 她 它 是 在 和 与 及 或 就 都 也 还 又 而 被 把 给 让 对 从 向 ' +
    '这 那 这个 那个 这样 那样 什么 怎么 怎么办 怎样 如何 咋办 咋 该 应该 可以 能 能不能 可不可以 会 要 想 请问 请 问 一下 ' +
    '一直 总是 老是 还是 到现在 有 有没有 没有 没 吗 是否 多少 哪些 哪个 为什么 现在 已经 一个 个 之 其 以 于 为 等 所 者 上 下 中 后 前 里 本 ' +
    'a an the of to in on for is are was were be been am i me my we our you your he she it they them this that ' +
    'what how can could should would do does did if and or but with by at from as about any have has had get got ' +
    'will just so than then there their which who whom when where why please tell'
  ).split(/\s+/),
);

const CJK = /[\u3400-\u9fff]/;
const WORD = /[\p{L}\p{N}]/u;

/** Full-width to half-width, lower case: "ＯＫ", "ok" and "OK" are one word. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** English stem good enough for matching "wages"/"wage", "fired"/"fire", "paying"/"pay". */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Words for BM25: jieba's search-mode segmentation (which also yields the parts of long words)
 * plus, prefixed `~`, the character bigrams of every Chinese run, so a typo like 公伤 for 工伤
 * or a word jieba splits oddly still shares most of its bigrams with the right text.
 */
export function tokenize(text: string, options: { bigrams?: boolean } = {}): string[] {
  const normal = normalize(text);
  const tokens: string[] = [];
  for (const raw of segmenter().cutForSearch(normal, true)) {
    const word = raw.trim();
    if (!word || !WORD.test(word) || STOP.has(word)) continue;
    if (CJK.test(word)) {
      // Single characters other than a few meaningful ones are noise.
      if (word.length === 1 && !'钱薪伤病假罚裁欠扣休'.includes(word)) continue;
      tokens.push(word);
    } else if (word.length > 1 || /\d/.test(word)) tokens.push(stem(word));
  }
  if (options.bigrams !== false) {
    for (const run of normal.match(/[\u3400-\u9fff]+/g) ?? []) {
      for (let i = 0; i + 1 < run.length; i++) tokens.push(`~${run.slice(i, i + 2)}`);
    }
  }
  return tokens;
}
