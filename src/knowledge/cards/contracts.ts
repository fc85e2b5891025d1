import type { Card } from '../card.js';
import {
  disputeInterpretation,
  disputeLaw,
  laborContractLaw,
  laborContractRegs,
  tradeUnionLaw,
} from './cite.js';

export const contractCards: Card[] = [
  {
    id: 'no-written-contract',
    topic: 'contract',
    ask: [
      '干了半年公司一直不签合同',
      '没签劳动合同能要双倍工资吗',
      '公司不跟我签合同怎么办',
      '入职三个月了还没签合同',
    ],
    askEn: ['my employer never gave me a written contract', 'can i get double pay without a contract'],
    answer:
      '用工就建立劳动关系，应当在用工之日起一个月内订立书面劳动合同。超过一个月不满一年没签的，单位应当每月支付二倍工资（从满一个月的次日起算，最多到满一年的前一日）；满一年还没签的，视为已订立无固定期限劳动合同。',
    steps: [
      '保留能证明劳动关系的材料：工作证、工服、考勤、工资转账、工作群聊天',
      '书面要求签订劳动合同',
      '申请劳动仲裁主张二倍工资（注意一年的仲裁时效）',
    ],
    en: {
      answer:
        'Employment starts on your first day of work, and a written contract must be signed within one month. If the employer has not signed one after a month, it owes you double wages each month (from the day after the first month, up to one year). After a full year without a contract, an open-ended contract is deemed to exist.',
      steps: [
        'Keep proof of employment: work badge, uniform, attendance, wage transfers, work-chat',
        'Ask in writing for a contract',
        'Apply for arbitration for the double wages (within the one-year limit)',
      ],
    },
    cite: [laborContractLaw(10), laborContractLaw(82), laborContractRegs(7), laborContractLaw(7)],
  },
  {
    id: 'contract-must-include',
    topic: 'contract',
    ask: ['劳动合同应该写哪些内容', '合同要不要给我一份', '签合同要注意什么'],
    answer:
      '劳动合同应写明单位和本人信息、合同期限、工作内容和地点、工作时间和休息休假、劳动报酬、社会保险、劳动保护等。合同文本由单位和劳动者各执一份。招用时单位要如实告知工作内容、条件、地点、职业危害、报酬等。',
    steps: ['签字前逐条看清工资、工时和地点', '要求拿回属于你的那一份合同', '对不合法的条款，可以找工会咨询'],
    cite: [laborContractLaw(17), laborContractLaw(16), laborContractLaw(8)],
  },
  {
    id: 'probation',
    topic: 'contract',
    ask: [
      '试用期最长多久',
      '试用期工资打几折合法吗',
      '试用期被辞退有没有补偿',
      '试用期可以不交社保吗',
      '签一年合同试用期六个月合法吗',
    ],
    askEn: ['how long can probation be', 'probation pay and dismissal'],
    answer:
      '试用期长短看合同期限：三个月以上不满一年的不超过1个月，一年以上不满三年的不超过2个月，三年以上和无固定期限的不超过6个月；同一单位只能约定一次。试用期工资不得低于同岗位最低档工资或合同约定工资的80%，也不得低于当地最低工资。试用期也要缴社保；单位在试用期解除合同必须有法定理由并说明理由。',
    steps: [
      '对照合同期限核对试用期是否超长',
      '违法约定的试用期，已履行的部分可以主张赔偿金',
      '试用期被辞退，要求单位书面说明理由',
    ],
    en: {
      answer:
        'Probation depends on the contract term: at most 1 month for 3 months to 1 year, 2 months for 1 to 3 years, and 6 months for 3 years or open-ended, and only once per employer. Probation pay may not be below 80% of the contract wage or the lowest pay for the same job, nor below the local minimum wage. Social insurance applies during probation, and dismissal during probation needs a lawful reason given to you.',
      steps: [
        'Check your probation against your contract term',
        'For an unlawful probation you can claim compensation',
        'Ask for written reasons if dismissed on probation',
      ],
    },
    cite: [laborContractLaw(19), laborContractLaw(20), laborContractLaw(21), laborContractLaw(83)],
  },
  {
    id: 'id-card-deposit',
    topic: 'contract',
    ask: ['入职要交押金合法吗', '公司扣着我的身份证不还', '骑手入职收装备押金', '交了保证金辞职不退'],
    askEn: ['my employer keeps my id card', 'is a job deposit legal'],
    answer:
      '用人单位招用劳动者，不得扣押居民身份证和其他证件，不得要求提供担保或以其他名义收取财物。扣押证件的，由劳动行政部门责令限期退还并依法处罚；以担保名义收取财物的，责令退还并处罚款。',
    steps: ['保留交押金的收据、转账记录或聊天记录', '书面要求退还证件和押金', '向劳动保障监察投诉'],
    en: {
      answer:
        'An employer may not keep your ID card or other documents, demand a guarantee, or collect money from you under any name. Labour authorities order documents and deposits returned and fine the employer.',
      steps: [
        'Keep receipts or transfer records of the deposit',
        'Ask in writing for your documents and money back',
        'Complain to labour inspection',
      ],
    },
    cite: [laborContractLaw(9), laborContractLaw(84)],
  },
  {
    id: 'penalty-clause',
    topic: 'contract',
    ask: ['辞职要赔违约金吗', '合同写了提前走要赔钱', '公司说培训过走了要交培训费'],
    answer:
      '只有两种情况可以约定由劳动者承担违约金：单位出钱做专业技术培训并约定了服务期，违反服务期的（不超过培训费用，按未履行的服务期分摊）；或者违反竞业限制约定的。其他的违约金约定无效。',
    steps: ['看合同里违约金对应的是哪一种情况', '要求单位出示培训费用凭证', '对不合法的扣款或索赔，申请仲裁'],
    en: {
      answer:
        'A worker can only be made to pay a contractual penalty in two cases: breaking a service period agreed in exchange for employer-paid professional training (capped at the training cost, pro rata), or breaking a non-compete agreement. Any other penalty clause is void.',
      steps: [
        'Check which case the clause relates to',
        'Ask for proof of the training costs',
        'Apply for arbitration against unlawful claims',
      ],
    },
    cite: [laborContractLaw(25), laborContractLaw(22), laborContractLaw(23)],
  },
  {
    id: 'non-compete',
    topic: 'contract',
    ask: ['竞业限制是什么', '离职后竞业限制公司不给补偿', '竞业协议最长几年'],
    answer:
      '竞业限制只适用于高级管理人员、高级技术人员和其他负有保密义务的人员，期限不得超过二年，单位要在离职后按月给经济补偿。约定了竞业限制但单位连续三个月没付补偿的，劳动者可以请求解除竞业限制约定。',
    steps: ['确认自己是否属于负有保密义务的人员', '记录单位是否按月支付补偿', '有争议的申请仲裁'],
    cite: [laborContractLaw(24), laborContractLaw(23), disputeInterpretation(38)],
  },
  {
    id: 'contract-change',
    topic: 'contract',
    ask: ['公司单方面调岗降薪合法吗', '把我调到外地不去就辞退', '公司改合同不跟我商量'],
    askEn: ['can my employer cut my pay or move me without my consent'],
    answer:
      '变更劳动合同要双方协商一致，并采用书面形式。单位单方面调岗降薪、把你调到外地，没有协商一致的一般不发生效力；你可以要求按原合同履行。单位以此为由不发工资或逼你走的，可以主张权利。',
    steps: ['不要轻易在变更协议上签字', '书面回复不同意并保留记录', '协商不成的，申请仲裁'],
    en: {
      answer:
        'Changing a labour contract needs agreement from both sides, in writing. A one-sided pay cut or transfer is generally not binding; you can insist on the original terms.',
      steps: [
        'Do not sign a change you do not accept',
        'Reply in writing that you disagree, and keep a copy',
        'Apply for arbitration if you cannot agree',
      ],
    },
    cite: [laborContractLaw(35), disputeInterpretation(43)],
  },
  {
    id: 'open-ended-contract',
    topic: 'contract',
    ask: [
      '干满十年可以签无固定期限合同吗',
      '签了两次合同第三次必须签无固定期限吗',
      '无固定期限合同是不是铁饭碗',
    ],
    answer:
      '连续工作满十年，或者连续订立二次固定期限劳动合同（且没有法定过错情形）后续订的，劳动者提出或同意续订时，除非劳动者要求签固定期限，单位应当订立无固定期限劳动合同。它不是不能解除，而是没有约定终止时间。单位应签不签的，从应订立之日起每月支付二倍工资。',
    steps: ['算清连续工龄和已签合同次数', '书面提出订立无固定期限合同', '单位拒绝的，申请仲裁主张二倍工资'],
    cite: [laborContractLaw(14), laborContractLaw(82)],
  },
  {
    id: 'labor-relation-proof',
    topic: 'evidence',
    ask: ['没有合同怎么证明我是公司员工', '怎么证明劳动关系', '老板不承认我在这干过'],
    askEn: ['how do i prove i worked there without a contract'],
    answer:
      '用人单位自用工之日起就与你建立劳动关系。没有书面合同也可以用其他证据证明：工资支付凭证或转账记录、社保缴费记录、工作证、服务证、招工登记表、考勤记录、工作群聊天、同事证言等。确认劳动关系的争议可以申请劳动仲裁。',
    steps: [
      '收集工资转账、工牌、工服照片和工作聊天记录',
      '找一两位同事愿意作证',
      '向劳动争议仲裁委员会申请确认劳动关系',
    ],
    en: {
      answer:
        'Employment begins on your first day of work. Without a contract, prove it with wage transfers, social insurance records, badges, attendance, work chats and colleagues’ statements. Disputes over whether you were employed can go to arbitration.',
      steps: [
        'Collect wage transfers, badge and uniform photos, work chats',
        'Ask colleagues to be witnesses',
        'Apply to the arbitration committee to confirm the employment',
      ],
    },
    cite: [laborContractLaw(7), disputeLaw(2), disputeLaw(6)],
  },
  {
    id: 'union-help-contract',
    topic: 'union',
    ask: ['工会能帮我签合同吗', '工会能帮我做什么', '被公司欺负了工会管不管'],
    answer:
      '工会帮助、指导职工与单位签订劳动合同，代表职工与单位平等协商、签订集体合同。单位克扣拖欠工资、不提供劳动安全条件、随意延长工时等，工会应当代表职工交涉；职工申请仲裁或起诉的，工会应当给予支持和帮助。',
    steps: [
      '拨打全国总工会职工服务热线 12351',
      '找所在单位或街道、园区的工会',
      '把情况和证据交给工会，请求协助交涉或法律援助',
    ],
    cite: [tradeUnionLaw(21), tradeUnionLaw(23), tradeUnionLaw(22), laborContractLaw(6)],
  },
];
