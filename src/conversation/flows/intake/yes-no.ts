// Recognition words (not user-facing text): how workers say yes, no and "I agree" at the
// confirm and consent steps, in Chinese (with dialect) and English.

/** Chinese words that say yes; matched longest first, whole message made of them and fillers. */
const ZH_YES = [
  '确认无误',
  '信息正确',
  '都没问题',
  '没有问题',
  '没啥问题',
  '没什么问题',
  '没问题',
  '没毛病',
  '没错',
  '都对',
  '对的',
  '对滴',
  '对头',
  '对呀',
  '对啊',
  '是的',
  '是滴',
  '是啊',
  '是呀',
  '确认',
  '确定',
  '正确',
  '无误',
  '可以',
  '阔以',
  '行的',
  '行吧',
  '好的',
  '好滴',
  '好嘞',
  '好吧',
  '得嘞',
  '要得',
  '嗯呐',
  '嗯嗯',
  '嗯哼',
  '提交',
  '就这样',
  '没得问题',
  '冇问题',
  '同意',
  '中',
  '对',
  '是',
  '好',
  '行',
  '嗯',
  '妥',
  '恩',
  'ok',
  'okay',
  'yes',
];
/** Chinese words that agree to the privacy terms (consent also accepts every yes). */
const ZH_AGREE = ['我同意', '同意的', '愿意', '授权', '接受', '同意', '允许'];
/** Particles and filler around a yes: "对的呀", "嗯 就这样吧", "好的谢谢". */
const ZH_FILLER = [
  '谢谢',
  '麻烦了',
  '辛苦了',
  '一下',
  '吧',
  '呀',
  '啊',
  '啦',
  '了',
  '呢',
  '哈',
  '哦',
  '噢',
  '喔',
  '嘛',
  '的',
  '我',
  '都',
  '就',
  '全',
  '也',
  '很',
  '挺',
  '非常',
  '内容',
  '信息',
  '你',
  '您',
];
const ZH_NO = /不对|不是|不行|不可以|不同意|不要|不愿意|错了|有错|不正确|拒绝|算了|改一下|要改|修改|改/;

const EN_YES = new Set(
  'yes yeah yea yep yup ya y ok okay k kk sure correct right confirm confirmed confirming true exactly absolutely fine good great perfect alright allright agree agreed accept accepted submit go ahead affirmative indeed certainly definitely'.split(
    ' ',
  ),
);
const EN_FILLER = new Set(
  'that thats is it its all looks look seems sounds everything info information details detail are the this these please pls plz thanks thank you u i im am do so just totally with me my sir madam bro lah la ah oh well'.split(
    ' ',
  ),
);
const EN_NO =
  /\b(?:no|nope|nah|not|dont|don't|wrong|incorrect|change|edit|disagree|decline|refuse|cancel|never|isnt|isn't)\b/i;

function onlyWords(text: string, words: readonly string[], fillers: readonly string[]): boolean {
  let rest = text;
  let found = false;
  const all = [...words.map((w) => ({ w, yes: true })), ...fillers.map((w) => ({ w, yes: false }))].sort(
    (a, b) => b.w.length - a.w.length,
  );
  while (rest.length) {
    const hit = all.find(({ w }) => rest.startsWith(w));
    if (!hit) return false;
    found ||= hit.yes;
    rest = rest.slice(hit.w.length);
  }
  return found;
}

function normalised(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[\s,，.。!！~～、;；:：…"“”()（）👍👌🙏😊]+/gu, ' ')
    .trim();
}

/** A question back ("同意了会怎样？", "ok what happens next?") is not a yes. */
const ASKS = /[?？]|吗|什么|怎么|为什么|为啥|咋|多久|\b(?:what|why|how|when|who|will|does)\b/i;
/** Words that change or take back what was said ("对了我电话换了": 对了 is "by the way"). */
const ZH_TAKES_BACK = /对了|换|改|错|不|没(?!问题|毛病|错|得问题|什么问题|啥问题|有问题)|别|等等|等一下|先/;

function saysYesIn(text: string, zhWords: readonly string[], enWords: Set<string>, loose: boolean): boolean {
  if (/^[\s👍👌🙆]+$/u.test(text)) return text.trim().length > 0;
  if (ASKS.test(text)) return false;
  const plain = normalised(text);
  if (!plain || plain.length > 60) return false;
  if (/[\u4e00-\u9fff]/.test(plain)) {
    const denial = plain.replace(/没问题|没毛病|没错|没得问题|没什么问题|没啥问题|没有问题/g, '');
    if (ZH_NO.test(denial)) return false;
    const compact = plain.replace(/\s+/g, '');
    if (onlyWords(compact, zhWords, ZH_FILLER)) return true;
    if (!loose) return false;
    // "同意，麻烦你们尽快处理", "对的 就是这些": a yes first, then nothing that takes it back.
    // A one-character yes must stand apart ("对，就这些"): "是闵行区" is a correction.
    const lead = [...zhWords]
      .sort((a, b) => b.length - a.length)
      .find((w) => plain.startsWith(w) && (w.length >= 2 || plain[w.length] === ' '));
    return lead !== undefined && compact.length <= 20 && !ZH_TAKES_BACK.test(compact.slice(lead.length));
  }
  if (EN_NO.test(plain)) return false;
  const words = plain.split(' ');
  if (words.some((w) => enWords.has(w)) && words.every((w) => enWords.has(w) || EN_FILLER.has(w)))
    return true;
  if (!loose) return false;
  // "yes you can share my details with the union": a yes, no no, and not a story.
  return enWords.has(words[0] ?? '') && words.length <= 12;
}

/**
 * "对 没错", "Yes, confirm", "yep thats right", "中", "嗯呐", "行吧", "没问题": the summary is right.
 * `loose` (for a message that held no new facts) also takes a yes with more after it:
 * "对的 就是这些", "yes you can send it".
 */
export function saysYes(text: string, options: { loose?: boolean } = {}): boolean {
  return saysYesIn(text, ZH_YES, EN_YES, options.loose ?? false);
}

/** "同意", "ok i agree", "可以", "好的同意": consent to pass the details to the union. */
export function agrees(text: string, options: { loose?: boolean } = {}): boolean {
  return saysYesIn(text, [...ZH_AGREE, ...ZH_YES], EN_YES, options.loose ?? false);
}

const DECLINE_ZH = /^(?:我)?(?:不同意|不愿意|拒绝|不行|不要|不可以|不授权|不想|不给)/;
const DECLINE_EN =
  /^(?:no|nope|nah|i (?:do not|dont|don't) agree|disagree|decline|i decline|refuse|no thanks)\b/i;

/** "不同意", "no", "i dont agree": consent refused. */
export function declines(text: string): boolean {
  const plain = normalised(text);
  return DECLINE_ZH.test(plain) || DECLINE_EN.test(plain);
}

const CHANGE_ZH = /^(?:不对|不是|错了|有错|有误|修改|改一下|我要改|要改|不正确)/;
const CHANGE_EN =
  /^(?:no|nope|change|edit|wrong|incorrect|thats wrong|that's wrong|not right|not correct)\b/i;

/** "不对", "修改", "no, wrong": something in the summary is to change (what may follow). */
export function wantsChange(text: string): boolean {
  const plain = normalised(text);
  return CHANGE_ZH.test(plain) || CHANGE_EN.test(plain);
}
