import type { Card } from '../card.js';
import {
  annualLeaveMeasures,
  annualLeaveRegs,
  disputeInterpretation,
  disputeLaw,
  laborContractLaw,
  laborLaw,
  womenWorkersRules,
} from './cite.js';

export const hoursLeaveCards: Card[] = [
  {
    id: 'overtime-pay',
    topic: 'hours',
    ask: [
      '加班费怎么算',
      '加班没有加班费合法吗',
      '周末加班给多少钱',
      '国庆节加班工资怎么算',
      '天天加班不给钱',
    ],
    askEn: [
      'how is overtime pay calculated',
      'my employer does not pay overtime',
      'overtime on weekends and public holidays',
    ],
    answer:
      '加班要按标准付钱：工作日延长工作时间的，不低于工资的150%；休息日加班又不能安排补休的，不低于200%；法定休假日加班的，不低于300%。用人单位安排加班必须支付加班费，不得强迫或变相强迫加班。',
    steps: [
      '记录每天上下班时间，保留打卡、排班表、派单记录',
      '对照 150%／200%／300% 算出应得的加班费',
      '单位不付的，向劳动保障监察投诉或申请仲裁',
    ],
    en: {
      answer:
        'Overtime must be paid at no less than 150% of normal pay on working days, 200% on rest days when no time off in lieu is given, and 300% on statutory public holidays. The employer may not force you to work overtime.',
      steps: [
        'Record your start and finish times; keep clock-in data, rosters and order records',
        'Work out what you are owed at 150% / 200% / 300%',
        'Complain to labour inspection or apply for arbitration',
      ],
    },
    cite: [laborLaw(44), laborContractLaw(31), laborContractLaw(85)],
    offerReport: true,
  },
  {
    id: 'working-hours',
    topic: 'hours',
    ask: ['一天工作十二个小时合法吗', '每天工作时间最多多长', '996合法吗', '每个月加班最多多少小时'],
    askEn: ['how many hours can i be made to work', 'is 12 hours a day legal'],
    answer:
      '标准工时是每日不超过8小时、平均每周不超过44小时。因生产经营需要延长工作时间，要与工会和劳动者协商，一般每日不超过1小时，特殊原因每日不超过3小时，每月不超过36小时。',
    steps: ['记录实际工作时间', '超时工作要求单位支付加班费', '长期超时加班，可以向劳动保障监察举报'],
    en: {
      answer:
        'Standard hours are at most 8 a day and 44 a week on average. Extending them needs consultation with the union and workers, and is normally at most 1 hour a day, 3 hours for special reasons, and 36 hours a month.',
      steps: [
        'Keep a record of your real hours',
        'Ask for overtime pay for the extra hours',
        'Report persistent excess hours to labour inspection',
      ],
    },
    cite: [laborLaw(36), laborLaw(41), laborLaw(44)],
  },
  {
    id: 'rest-day',
    topic: 'hours',
    ask: ['一个月都不给休息合法吗', '公司规定一周只休息半天', '每周至少休息几天', '没有休息日怎么办'],
    askEn: ['do i have a right to a day off every week'],
    answer:
      '用人单位应当保证劳动者每周至少休息一日。休息日安排工作又不能补休的，要支付不低于工资200%的报酬。',
    steps: ['保留排班表、考勤记录', '要求补休或支付休息日加班费', '单位拒绝的，投诉或申请仲裁'],
    en: {
      answer:
        'You are entitled to at least one day of rest every week. Work on a rest day without time off in lieu must be paid at no less than 200%.',
      steps: [
        'Keep rosters and attendance records',
        'Ask for time off in lieu or rest-day pay',
        'Complain or apply for arbitration if refused',
      ],
    },
    cite: [laborLaw(38), laborLaw(44)],
  },
  {
    id: 'public-holidays',
    topic: 'hours',
    ask: ['春节放假有工资吗', '法定节假日有哪些', '过年上班工资怎么算'],
    answer:
      '元旦、春节、国际劳动节、国庆节以及法律法规规定的其他休假节日，用人单位应当依法安排休假，并照发工资；安排在法定休假日工作的，支付不低于工资300%的报酬。',
    steps: ['确认加班当天是否属于法定休假日', '按300%核对工资', '少付的，投诉或申请仲裁'],
    cite: [laborLaw(40), laborLaw(51), laborLaw(44)],
  },
  {
    id: 'annual-leave',
    topic: 'leave',
    ask: ['年假有几天', '带薪年假怎么算', '工作一年了有没有年假', '年假没休完公司要给钱吗'],
    askEn: ['how many days of annual leave do i get', 'paid annual leave'],
    answer:
      '连续工作满1年以上就有带薪年休假：累计工作满1年不满10年的5天，满10年不满20年的10天，满20年的15天（国家法定休假日、休息日不算在年假里）。单位没安排休、你也没有书面放弃的，应休未休的每天按日工资的300%支付（含正常工资）。',
    steps: ['算好自己的累计工作年限', '书面向单位申请休年假', '单位不安排也不付钱的，向劳动保障监察投诉'],
    en: {
      answer:
        'After 1 year of continuous work you get paid annual leave: 5 days with 1–10 years of total service, 10 days with 10–20 years, 15 days with 20 years or more (public holidays and rest days are not counted). Untaken leave the employer did not arrange must be paid at 300% of the daily wage (including normal pay).',
      steps: [
        'Work out your total years of service',
        'Apply for leave in writing',
        'Complain to labour inspection if refused and not paid',
      ],
    },
    cite: [annualLeaveRegs(3), annualLeaveRegs(5), annualLeaveRegs(2), annualLeaveMeasures(10)],
  },
  {
    id: 'sick-leave',
    topic: 'leave',
    ask: ['生病请假公司扣全部工资', '病假期间工资怎么发', '生病住院公司能开除我吗', '医疗期是多久'],
    askEn: ['can i be fired while on sick leave'],
    answer:
      '因病或非因工负伤在规定的医疗期内，用人单位不得以经济性裁员或无过失辞退的理由解除劳动合同；医疗期满不能从事原工作、也不能从事另行安排的工作的，单位才可以提前30日书面通知或额外支付1个月工资后解除，并要支付经济补偿。病假工资按当地规定执行。',
    steps: [
      '保留病历、诊断证明和请假记录',
      '按单位规定办好请假手续',
      '被违法解除的，申请仲裁要求继续履行或赔偿',
    ],
    en: {
      answer:
        'During the legally set medical treatment period for illness or a non-work injury, the employer may not dismiss you for redundancy or no-fault reasons. Only after that period, if you cannot do your old job or another arranged job, may it end the contract with 30 days’ written notice or one month’s pay, plus severance. Sick pay follows local rules.',
      steps: [
        'Keep medical records and sick notes',
        'Follow the company’s leave procedure',
        'If dismissed unlawfully, apply for arbitration',
      ],
    },
    cite: [laborContractLaw(42), laborContractLaw(40), laborContractLaw(46)],
  },
  {
    id: 'maternity',
    topic: 'leave',
    ask: ['怀孕了公司要辞退我', '产假有多少天', '哺乳期能不能被开除', '怀孕降工资合法吗'],
    askEn: ['can i be fired for being pregnant', 'how long is maternity leave'],
    answer:
      '用人单位不得因女职工怀孕、生育、哺乳降低工资、予以辞退或解除劳动合同。产假为98天，其中产前可以休15天；难产增加15天，多胞胎每多一个增加15天（各地还可能另有奖励假）。哺乳未满1周岁婴儿的，不得延长劳动时间或安排夜班，每天有1小时哺乳时间。',
    steps: [
      '保留怀孕、生育的医院证明',
      '收到辞退或降薪通知时要求书面理由',
      '向工会（12351）反映，或申请仲裁要求继续履行合同',
    ],
    en: {
      answer:
        'An employer may not cut pay, dismiss or end the contract of a woman because she is pregnant, has given birth or is breastfeeding. Maternity leave is 98 days, 15 of which may be taken before birth, plus 15 days for a difficult birth and 15 per extra baby (local rules may add more). Until the baby is one, no overtime or night shifts, and one hour a day for breastfeeding.',
      steps: [
        'Keep medical proof of pregnancy and birth',
        'Ask for written reasons for any dismissal or pay cut',
        'Contact the union (12351) or apply for arbitration',
      ],
    },
    cite: [womenWorkersRules(5), womenWorkersRules(7), womenWorkersRules(9), laborContractLaw(42)],
  },
  {
    id: 'overtime-evidence',
    topic: 'evidence',
    ask: ['加班费要怎么证明', '没有打卡记录怎么证明加班', '考勤记录在公司手里怎么办'],
    answer:
      '主张加班费的，要就加班事实承担举证责任；但如果你有证据证明加班记录由用人单位掌握管理，单位不提供的，由单位承担不利后果。所以要尽量保留能证明加班的材料，并要求单位提供考勤记录。',
    steps: [
      '截图保存打卡、派单、排班和工作群消息',
      '记下加班的日期、时长和安排人',
      '仲裁时申请要求单位提供考勤记录',
    ],
    cite: [disputeInterpretation(42), disputeLaw(6)],
  },
];
