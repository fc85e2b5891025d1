// Colloquial and English ways of saying a labor-law concept, mapped to the words statutes and
// cards use. Matching is on the normalised question text (substring for Chinese, word for
// English); every matched group adds its `terms` to the query at reduced weight.

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

export const SYNONYMS: SynonymGroup[] = [
  {
    say: ['购物卡', '超市卡', '抵工资', '顶工资', '实物', '发东西', 'voucher*', 'in kind'],
    terms: '货币 支付 实物 有价证券',
  },
  {
    say: ['社保转移', '转社保', '社保怎么转', '转过去', '转到老家', '转回', 'transfer my social insurance'],
    terms: '跨统筹地区 就业 转移 缴费年限 累计计算',
  },
  { say: ['喝醉', '醉酒', '喝酒', '吸毒', 'drunk'], terms: '醉酒 吸毒 不得认定为工伤' },
  { say: ['失业金', '失业保险', 'unemployment'], terms: '失业保险金 失业人员 领取' },
  { say: ['退休金', '养老金', '退休', 'retire*'], terms: '基本养老金 法定退休年龄 累计缴费' },
  {
    say: [
      /(?:拖欠|欠|扣|不发|没发|不给|没给|不结|没结|拿不到|讨不到|要不到)(?:了|着)?(?:我|我们)?[^，。,.!?！？]{0,8}(?:工资|工钱|薪水|薪资|血汗钱|劳务费|报酬|提成|配送费|跑单费)/,
      /(?:工资|工钱|薪水|钱)[^，。,.!?！？]{0,6}(?:没发|不发|没给|不给|没结|不结|拖着|没到账|没拿到|拿不到)/,
      '欠薪',
      '拖欠工资',
      '不发工资',
      '没发工资',
      '没发钱',
      '不给钱',
      '不给工资',
      '拖工资',
      '欠工资',
      '欠我工资',
      '欠钱',
      '工钱',
      '血汗钱',
      '讨薪',
      '压工资',
      '压着工资',
      '拿不到钱',
      '要不到钱',
      '工资不发',
      '工资没发',
      '工资拖',
      '拖着不发',
      'unpaid',
      'owe*',
      'arrears',
      'not paid',
      "hasn't paid",
      "haven't been paid",
      'withh*',
    ],
    terms: '拖欠 劳动报酬 工资 足额支付',
  },
  { say: ['克扣', '扣工资', '扣钱', '乱扣', '罚款', '罚钱', 'deduct*', 'fine*'], terms: '克扣 工资 扣除' },
  {
    say: [
      '开除',
      '辞退',
      '炒鱿鱼',
      '炒了',
      '被炒',
      '解雇',
      '裁员',
      '不让我干了',
      '叫我走人',
      '让我走人',
      '不要我了',
      '赶走',
      'fired',
      'fire',
      'dismiss*',
      'sack*',
      'laid off',
      'layoff*',
      'terminat*',
    ],
    terms: '用人单位 解除 劳动合同',
  },
  {
    say: ['辞职', '离职', '不干了', '走人', '跳槽', 'resign*', 'quit', 'leave my job', 'leaving'],
    terms: '劳动者 解除 劳动合同 提前 通知',
  },
  {
    say: [
      '五险一金',
      '社保',
      '养老保险',
      '医疗保险',
      '保险没交',
      '不交保险',
      'social insurance',
      'social security',
      'pension',
    ],
    terms: '社会保险 缴纳 社会保险费',
  },
  { say: ['n+1', '赔偿', '补偿', '遣散费', 'severance', 'compensation'], terms: '经济补偿' },
  {
    say: ['双倍工资', '两倍工资', '二倍工资', 'double pay', 'double wage*', 'double salary'],
    terms: '二倍 工资 书面劳动合同',
  },
  {
    say: [
      '没签合同',
      '不签合同',
      '没有合同',
      '没合同',
      '不签劳动合同',
      '没签劳动合同',
      'no contract',
      'without a contract',
      'written contract',
    ],
    terms: '订立 书面劳动合同 二倍 工资',
  },
  {
    say: ['加班', '加班费', '超时', '996', '延长工时', 'overtime', 'extra hours'],
    terms: '延长工作时间 工资报酬 加班',
  },
  {
    say: ['工作时间', '上班时间', '每天干', '一天干', '工时', 'working hours', 'hours'],
    terms: '工作时间 每日 每周 小时',
  },
  {
    say: [
      '周六',
      '周日',
      '星期六',
      '星期天',
      '礼拜天',
      '只休',
      '休息日',
      '周末',
      '双休',
      '单休',
      '不放假',
      '没休息',
      'day off',
      'days off',
      'weekend',
      'rest day*',
    ],
    terms: '休息日 休息 休假',
  },
  {
    say: ['节假日', '过年', '春节', '国庆', '法定假', 'public holiday*', 'holiday*'],
    terms: '法定休假日 节假日',
  },
  { say: ['年假', '带薪假', '年休假', 'annual leave', 'paid leave', 'vacation'], terms: '带薪年休假 年休假' },
  { say: ['病假', '生病', '看病', '住院', 'sick', 'ill'], terms: '医疗期 患病 病假' },
  {
    say: ['怀孕', '孕期', '产假', '生孩子', '哺乳', '喂奶', 'pregnan*', 'maternity', 'breastfeed*'],
    terms: '女职工 孕期 产期 哺乳期 产假',
  },
  { say: ['试用期', '实习期', '转正', 'probation*', 'trial period'], terms: '试用期' },
  {
    say: [
      '工伤',
      '公伤',
      '工商',
      '受伤',
      '摔伤',
      '撞伤',
      '被车撞',
      '车祸',
      '砸伤',
      '职业病',
      '伤残',
      'injur*',
      'work injury',
      'accident',
      'hurt',
    ],
    terms: '工伤 认定 工伤保险',
  },
  {
    say: [
      '骑手',
      '外卖',
      '送餐',
      '快递员',
      '跑腿',
      '网约车',
      '平台',
      '众包',
      '专送',
      'rider*',
      'courier*',
      'delivery',
      'platform',
      'gig',
    ],
    terms: '新就业形态 平台 劳动者 职业伤害',
    who: true,
  },
  { say: ['最低工资', '底薪太低', '工资太低', 'minimum wage'], terms: '最低工资 标准' },
  {
    say: ['派遣', '外包', '劳务公司', '中介', 'dispatch*', 'agency', 'outsourc*'],
    terms: '劳务派遣 用工单位 派遣单位',
  },
  {
    say: ['兼职', '小时工', '钟点工', '临时工', 'part-time', 'part time', 'hourly'],
    terms: '非全日制用工 小时',
  },
  {
    say: [
      '包工头',
      '工头',
      '工地',
      '总包',
      '分包',
      '项目部',
      '建筑',
      '施工',
      'construction',
      'site',
      'foreman',
      'subcontract*',
      'contractor*',
    ],
    terms: '施工总承包单位 分包单位 建设单位 农民工 工资',
  },
  { say: ['农民工', '打工', '务工', 'migrant'], terms: '农民工 工资支付', who: true },
  {
    say: [
      '证据',
      '证明',
      '截图',
      '聊天记录',
      '录音',
      '考勤',
      '工资条',
      'evidence',
      'proof',
      'screenshot*',
      'record*',
    ],
    terms: '证据 举证 提供',
  },
  { say: ['仲裁', '打官司', '申请仲裁', 'arbitrat*'], terms: '劳动争议 仲裁 申请' },
  {
    say: ['起诉', '法院', '告他', '告老板', '告公司', 'sue', 'court', 'lawsuit'],
    terms: '人民法院 起诉 诉讼',
  },
  {
    say: ['时效', '过期', '多久', '期限', '来得及', 'deadline', 'time limit', 'too late', 'how long'],
    terms: '仲裁时效 一年 期间',
  },
  { say: ['要钱吗', '收费', '费用', '花钱', '免费', 'cost*', 'fee*', 'free'], terms: '不收费 仲裁 费用' },
  {
    say: [
      '劳动监察',
      '劳动局',
      '人社局',
      '人社',
      '监察大队',
      '12333',
      'labor inspection',
      'labour inspection',
      'labor bureau',
    ],
    terms: '劳动保障监察 投诉 举报 劳动行政部门',
  },
  { say: ['工会', '12351', 'union', 'trade union'], terms: '工会 维护 职工 合法权益' },
  { say: ['调解', 'mediat*'], terms: '劳动争议 调解' },
  { say: ['支付令', 'payment order'], terms: '支付令' },
  {
    say: ['坐牢', '报警', '犯罪', '判刑', '刑事', '公安', 'police', 'crime', 'criminal', 'jail', 'prison'],
    terms: '拒不支付劳动报酬 刑事责任 公安机关',
  },
  {
    say: ['押金', '扣身份证', '扣押身份证', '身份证被扣', '收钱', '保证金', 'deposit', 'id card'],
    terms: '扣押 居民身份证 收取 财物 担保',
  },
  {
    say: ['合同到期', '不续签', '续签', '合同满了', 'contract end*', 'renew*', 'expire*'],
    terms: '劳动合同 期满 终止 续订',
  },
  {
    say: ['违约金', '赔钱给公司', '培训费', 'penalty', 'liquidated damages', 'training cost*'],
    terms: '违约金 服务期 竞业限制',
  },
  {
    say: [
      '工资标准',
      '同一个岗位',
      '同样的活',
      '一样的活',
      '比我工资高',
      '比我高',
      '同工同酬',
      '工资低',
      'equal pay',
    ],
    terms: '同工同酬 劳动报酬',
  },
  {
    say: ['调岗', '降薪', '换岗', '调到', 'transfer*', 'pay cut', 'demot*'],
    terms: '变更 劳动合同 协商一致',
  },
  { say: ['一函两书', '提示函', '意见书', '建议书', '监督'], terms: '一函两书 工会 劳动法律监督' },
];

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
