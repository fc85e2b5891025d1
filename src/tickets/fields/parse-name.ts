import { fail, ok, type Parsed } from './parse-result.js';

// Common surnames (about 90% of the population), to tell "我是李强" from "我是骑手".
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const COMPOUND = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '令狐',
  '慕容',
  '尉迟',
  '公孙',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
];
/** Words that follow 我是 but are roles, not names. */
const NOT_NAMES =
  /^[不没别]|知道|保密|匿名|想说|骑手|外卖|快递|司机|师傅|工人|员工|农民工|老板|站长|保安|保洁|厨师|服务员|店员|送餐|跑腿|小哥|美团|饿了么|滴滴|顺丰|京东|本人|一个|在|做|干|的/;

const HAN_NAME = '[\\u4e00-\\u9fa5·]{2,4}';
const EXPLICIT = new RegExp(
  `(?:我叫|我的名字(?:是|叫)|名字(?:是|叫)|姓名[:：是]?|本人(?:叫|是)?)\\s*(${HAN_NAME}?)(?=[，。,.!！\\s]|电话|手机|联系|$)`,
);
const I_AM = new RegExp(`我是\\s*(${HAN_NAME}?)(?=[，。,.!！\\s]|电话|手机|$)`);
/** "我姓李", "免贵姓王", "姓欧阳": a surname alone is how many workers give their name. */
const SURNAME_ONLY = new RegExp(
  `^(?:我|本人)?(?:免贵)?姓\\s*(${COMPOUND.join('|')}|[${SURNAMES}])(?:[，。,.!！\\s]|的|$)`,
);
const ENGLISH = /\bmy name is\s+([A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){0,3})/i;

export function looksLikeChineseName(text: string): boolean {
  if (!/^[\u4e00-\u9fa5·]{2,4}$/.test(text) || NOT_NAMES.test(text)) return false;
  return COMPOUND.some((c) => text.startsWith(c)) || SURNAMES.includes(text[0]!);
}

function looksLikeNameAnswer(text: string): boolean {
  if (COMPOUND.some((c) => text.startsWith(c)) || SURNAMES.includes(text[0]!)) return true;
  return /^[小老阿][\u4e00-\u9fa5]$/.test(text) || (text.length <= 3 && /^阿/.test(text));
}

/**
 * The claimant's name: 我叫李强, 名字是王芳, 姓名：欧阳娜娜, 我是张伟 (only when it looks like a
 * name), my name is Wang Fang. `bare` accepts the whole message as the name (the bot asked).
 */
export function parseName(input: string, options: { bare?: boolean } = {}): Parsed<string> {
  const text = input.trim();
  const explicit = EXPLICIT.exec(text);
  if (explicit?.[1] && !NOT_NAMES.test(explicit[1])) return ok(explicit[1]);
  const iAm = I_AM.exec(text);
  if (iAm?.[1] && looksLikeChineseName(iAm[1])) return ok(iAm[1]);
  const surname = SURNAME_ONLY.exec(text);
  if (surname?.[1]) return ok(surname[1]);
  const english = ENGLISH.exec(text);
  if (english?.[1]) return ok(english[1].trim());
  if (options.bare) {
    const bare = text
      .replace(/^(?:就?叫我|我叫|我是|我姓|叫|是|姓名|名字)[\s:：]*/, '')
      .replace(/(?:就行了?|就好了?|就可以了?|吧|哈|呀|啊)?[\s。.!！~～]*$/, '')
      .trim();
    // Asked for a name, the words must still look like one (a surname first, or 小王 / 老李 /
    // 阿强): "这个嘛" or "不好说" is no name, and gets the clarifying question instead.
    if (/^[\u4e00-\u9fa5·]{2,5}$/.test(bare) && !NOT_NAMES.test(bare) && looksLikeNameAnswer(bare))
      return ok(bare);
    if (/^[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){0,3}$/.test(bare)) return ok(bare);
  }
  return fail('no name in the message');
}
