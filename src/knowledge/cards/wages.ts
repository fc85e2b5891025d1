import type { Card } from '../card.js';
import {
  disputeInterpretation,
  disputeLaw,
  inspectionRegs,
  laborContractLaw,
  laborLaw,
  migrantWageRegs,
  wageCrimeInterpretation,
  wagePaymentRules,
} from './cite.js';

export const wageCards: Card[] = [
  {
    id: 'wage-arrears-what-to-do',
    topic: 'wages',
    ask: [
      '老板拖欠工资不给怎么办',
      '公司两个月没发工资了我该怎么办',
      '好几个月的工钱都没发',
      '公司欠我几个月工资了',
      '欠薪怎么讨回来',
      '工资一直拖着不发',
      '干完活老板不给钱',
    ],
    askEn: [
      'my boss has not paid my wages what should i do',
      'how do i get unpaid wages back',
      'employer owes me salary',
    ],
    answer:
      '按时足额发工资是用人单位的法定义务，拖欠工资违法。你可以先要求单位书面说明并限期支付；不给，可以向当地劳动保障监察（人社部门）投诉，要求责令支付；也可以申请劳动争议仲裁，或凭欠条等向法院申请支付令。逾期不付的，监察部门可以责令加付赔偿金。',
    steps: [
      '先把证据留好：劳动合同、考勤、工资条或转账记录、工作群聊天、欠条',
      '拨打 12351 找工会，或 12333 问人社部门，说明单位名称、拖欠月份和金额',
      '到用人单位所在地的劳动保障监察机构投诉；需要裁决的，向劳动争议仲裁委员会申请仲裁（不收费）',
    ],
    en: {
      answer:
        'Paying wages in full and on time is the employer’s legal duty; withholding them is unlawful. Ask the employer in writing to pay by a date. If they do not, complain to the local labour inspection (human resources and social security bureau), apply for labour arbitration (free of charge), or ask a court for a payment order. An employer who still does not pay can be ordered to pay extra compensation.',
      steps: [
        'Keep evidence: contract, attendance records, pay slips or bank transfers, work-chat messages, IOUs',
        'Call the union on 12351 or the HR and social security hotline 12333',
        'Complain to labour inspection where the employer is; for a binding decision apply for arbitration',
      ],
    },
    cite: [laborContractLaw(30), laborLaw(50), laborContractLaw(85), disputeLaw(27)],
    offerReport: true,
  },
  {
    id: 'wage-payday',
    topic: 'wages',
    ask: [
      '工资最晚什么时候必须发',
      '公司每个月工资发放时间不固定合法吗',
      '工资能不能两个月发一次',
      '约定15号发工资到月底还没发',
    ],
    askEn: ['when must my employer pay my salary', 'what day is payday', 'salary always paid late'],
    answer:
      '工资必须在约定的日期支付，遇节假日或休息日要提前到最近的工作日发；工资至少每月支付一次（实行周、日、小时工资制的按周、日、小时支付）。超过约定日期不发就是拖欠。',
    steps: [
      '查看劳动合同或规章里写的发薪日',
      '过了发薪日没发，保存聊天、通知等证据，书面催告',
      '仍不发，向劳动保障监察投诉或申请仲裁',
    ],
    en: {
      answer:
        'Wages must be paid on the agreed date (moved forward to the last working day before a holiday or rest day), and at least once a month unless you are paid by the week, day or hour. Paying late is arrears.',
      steps: [
        'Check the payday in your contract or the company rules',
        'Keep proof and ask in writing',
        'Complain to labour inspection or apply for arbitration',
      ],
    },
    cite: [wagePaymentRules(7), laborLaw(50), migrantWageRegs(12)],
    offerReport: true,
  },
  {
    id: 'wage-deduction',
    topic: 'wages',
    ask: [
      '公司乱扣工资合法吗',
      '迟到一次扣两百块合法吗',
      '老板随便罚款扣钱',
      '差评被扣钱合法吗',
      '工资被克扣了怎么办',
    ],
    askEn: ['can my employer deduct money from my wages', 'is it legal to fine workers'],
    answer:
      '用人单位不得克扣工资。能从工资里代扣的只有法定项目：个人所得税、社保和公积金个人部分、法院判决裁定要求扣除的抚养费等。因你本人原因造成经济损失，按合同约定赔偿时，每月扣除不得超过当月工资的20%，扣后也不得低于当地最低工资标准。随意罚款、扣钱没有法律依据。',
    steps: [
      '保存被扣款的记录（工资条、转账、通知）',
      '要求单位说明每一笔扣款的依据',
      '向劳动保障监察投诉克扣工资，或申请仲裁要回',
    ],
    en: {
      answer:
        'Employers may not dock wages. Only lawful items may be withheld: income tax, your share of social insurance and housing fund, and amounts a court orders. If you caused the employer a loss, repayment taken from wages may not exceed 20% of a month’s pay and what is left may not fall below the local minimum wage. Arbitrary fines have no legal basis.',
      steps: [
        'Keep pay slips showing each deduction',
        'Ask the employer for the basis of every deduction',
        'Complain to labour inspection or apply for arbitration',
      ],
    },
    cite: [laborLaw(50), wagePaymentRules(15), wagePaymentRules(16), laborContractLaw(85)],
    offerReport: true,
  },
  {
    id: 'wage-paid-in-kind',
    topic: 'wages',
    ask: ['老板用购物卡代替工资合法吗', '工资用实物抵可以吗', '工资发给包工头不发给我本人'],
    answer:
      '工资应当以货币形式按月支付给劳动者本人，不得用实物或有价证券代替。农民工工资应通过银行转账或现金直接支付给本人。',
    steps: ['保留实物抵工资或代领的证据', '要求单位以货币支付到本人账户', '不改的，向劳动保障监察投诉'],
    cite: [laborLaw(50), wagePaymentRules(5), migrantWageRegs(11)],
    offerReport: true,
  },
  {
    id: 'wage-on-leaving',
    topic: 'wages',
    ask: ['离职了公司说工资下个月再发', '辞职后剩下的工资什么时候给', '被辞退了最后一个月工资不给'],
    askEn: ['when do i get my last salary after i quit'],
    answer: '劳动合同解除或终止时，用人单位应当一次付清工资。以离职为由拖着不发、压工资，都属于拖欠。',
    steps: ['书面要求单位结清工资并出具离职证明', '保存离职手续、考勤和工资记录', '不结清的，投诉或申请仲裁'],
    en: {
      answer:
        'When a contract is ended, the employer must pay all wages due in one go. Holding back the last salary is arrears.',
      steps: [
        'Ask in writing for final pay and a leaving certificate',
        'Keep leaving papers and attendance records',
        'Complain or apply for arbitration if not paid',
      ],
    },
    cite: [wagePaymentRules(9), laborContractLaw(50), laborContractLaw(30)],
    offerReport: true,
  },
  {
    id: 'wage-minimum',
    topic: 'wages',
    ask: [
      '工资低于最低工资标准合法吗',
      '最低工资是多少',
      '一个月只给一千多块钱合法吗',
      '最低工资包括加班费吗',
    ],
    askEn: ['what is the minimum wage', 'is it legal to pay below minimum wage'],
    answer:
      '国家实行最低工资保障制度，具体标准由各省、自治区、直辖市规定，各地不同。正常工作时间内的工资不得低于当地最低工资标准，加班费不算在最低工资里。低于标准的，劳动行政部门可以责令补足差额。',
    steps: [
      '拨打 12333 或查当地人社部门网站，确认本地最新标准',
      '对照你正常工作时间的工资（不含加班费）',
      '低于标准的，向劳动保障监察投诉',
    ],
    en: {
      answer:
        'China has a minimum wage set by each province, so it differs by place. Pay for normal working hours may not be below the local standard, and overtime pay does not count towards it. Labour inspection can order the employer to make up the difference.',
      steps: [
        'Check the current local standard with 12333 or the local HR bureau',
        'Compare it with pay for your normal hours (without overtime)',
        'Complain to labour inspection if it is lower',
      ],
    },
    cite: [laborLaw(48), laborContractLaw(85), inspectionRegs(26)],
  },
  {
    id: 'wage-iou',
    topic: 'wages',
    ask: ['老板打了欠条还是不给钱', '有工资欠条可以直接起诉吗', '包工头写了欠条怎么办'],
    answer:
      '有用人单位出具的工资欠条，只追讨欠薪、不涉及其他争议的，可以直接向人民法院起诉，按普通民事纠纷受理；也可以向法院申请支付令。',
    steps: [
      '保管好欠条原件，拍照备份',
      '确认欠条上有单位或负责人签名、金额和日期',
      '到法院起诉或申请支付令；也可以先找工会帮忙',
    ],
    cite: [disputeInterpretation(15), laborContractLaw(30)],
    offerReport: true,
  },
  {
    id: 'wage-payment-order',
    topic: 'process',
    ask: ['什么是支付令', '怎么向法院申请支付令', '调解协议签了老板还是不给钱'],
    askEn: ['what is a payment order'],
    answer:
      '用人单位拖欠或者未足额支付劳动报酬的，劳动者可以向当地人民法院申请支付令。就拖欠工资、工伤医疗费、经济补偿或赔偿金达成调解协议后单位逾期不履行的，也可以凭调解协议书申请支付令。',
    steps: [
      '准备欠条、调解协议书或工资记录',
      '向用人单位所在地的基层人民法院申请支付令',
      '单位提出异议的，可以转为申请仲裁',
    ],
    en: {
      answer:
        'If wages are owed, you can ask the local court for a payment order. If the employer signed a mediation agreement on unpaid wages, injury medical costs or compensation and does not pay by the deadline, the mediation agreement itself supports a payment order.',
      steps: [
        'Gather the IOU, mediation agreement or pay records',
        'Apply to the basic people’s court where the employer is',
        'If the employer objects, apply for arbitration',
      ],
    },
    cite: [laborContractLaw(30), disputeLaw(16)],
  },
  {
    id: 'wage-crime',
    topic: 'process',
    ask: [
      '老板恶意欠薪会坐牢吗',
      '拒不支付劳动报酬罪',
      '老板跑路了不给工资能报警吗',
      '老板转移财产逃避发工资',
    ],
    askEn: ['is refusing to pay wages a crime', 'can i call the police if my boss runs away without paying'],
    answer:
      '以转移财产、逃匿等方法逃避支付，或者有能力支付而不支付，数额较大，经政府有关部门责令支付仍不支付的，构成拒不支付劳动报酬罪，要追究刑事责任；单位的实际控制人、包工头等不具备用工主体资格的个人也可以构成。人社部门发现涉嫌犯罪的，会移送公安机关。',
    steps: [
      '先向劳动保障监察投诉，让人社部门依法责令支付',
      '老板逃匿、失联的，保留证据并及时报告人社部门或报警',
      '同时可以申请仲裁或起诉，保住追讨的权利',
    ],
    en: {
      answer:
        'Refusing to pay wages is a crime when the employer hides assets or absconds, or can pay but will not, the amount is large, and it still does not pay after a government order. Actual controllers and unlicensed contractors can be liable too. The HR bureau refers suspected crimes to the police.',
      steps: [
        'Complain to labour inspection first so an official payment order is issued',
        'If the boss absconds, report it to the HR bureau or the police',
        'Also apply for arbitration or sue to keep your claim alive',
      ],
    },
    cite: [
      wageCrimeInterpretation(2),
      wageCrimeInterpretation(4),
      wageCrimeInterpretation(7),
      migrantWageRegs(41),
    ],
    offerReport: true,
  },
  {
    id: 'wage-unit-closed',
    topic: 'wages',
    ask: ['公司倒闭了工资找谁要', '公司注销了欠的工资还能要回来吗', '老板把公司关了不发工资'],
    answer:
      '用人单位被吊销营业执照、责令关闭、撤销或解散的，应当在申请注销前清偿拖欠的农民工工资；合并、分立时也要先清偿。个体户、合伙企业不清偿的，由出资人依法清偿。可以向劳动保障监察投诉，并及时申请仲裁。',
    steps: [
      '尽快收集用工和欠薪证据',
      '向当地人社部门（12333）或工会（12351）反映',
      '在一年仲裁时效内申请仲裁',
    ],
    cite: [migrantWageRegs(22), migrantWageRegs(21), migrantWageRegs(20)],
    offerReport: true,
  },
  {
    id: 'wage-slip',
    topic: 'wages',
    ask: ['公司不给工资条合法吗', '怎么知道工资算得对不对', '工资明细不给看'],
    answer:
      '用人单位应当按工资支付周期编制书面工资支付台账并至少保存3年，发工资时应当向农民工提供本人的工资清单。你有权知道工资是怎么算的。',
    steps: ['向单位要工资清单', '自己记好每天的出勤、单量和收入', '单位拒绝的，向劳动保障监察反映'],
    cite: [migrantWageRegs(15), wagePaymentRules(6)],
  },
  {
    id: 'wage-equal-pay',
    topic: 'wages',
    ask: ['同样的活别人工资比我高', '没约定工资标准怎么算', '合同里没写工资多少'],
    answer:
      '没有订立书面合同、工资约定不明确的，按集体合同规定的标准执行；没有集体合同的，实行同工同酬。劳务派遣工也有与用工单位同类岗位同工同酬的权利。',
    steps: ['了解同岗位同事的工资标准', '保留能证明岗位和工作内容的材料', '与单位协商不成的，申请仲裁'],
    cite: [laborContractLaw(11), laborContractLaw(63)],
  },
];
