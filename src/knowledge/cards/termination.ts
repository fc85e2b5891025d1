import type { Card } from '../card.js';
import { disputeInterpretation, laborContractLaw, laborContractRegs, tradeUnionLaw } from './cite.js';

export const terminationCards: Card[] = [
  {
    id: 'unlawful-dismissal',
    topic: 'dismissal',
    ask: [
      '公司无缘无故把我开除了',
      '老板一句话就让我走人合法吗',
      '被炒鱿鱼了能要赔偿吗',
      '公司违法辞退我怎么办',
      '没犯错被辞退',
    ],
    askEn: ['i was fired for no reason', 'what can i do about unfair dismissal'],
    answer:
      '单位解除劳动合同必须有法定理由和程序。违法解除的，你可以要求继续履行合同；不要求继续履行或已经不能履行的，单位要按经济补偿标准的二倍支付赔偿金（即 2N）。单方解除前单位还应当事先把理由通知工会。',
    steps: [
      '要求单位出具书面解除通知和解除理由',
      '保存劳动合同、工资流水、解除通知和聊天记录',
      '自解除之日起一年内申请劳动仲裁，可以要求继续履行或赔偿金',
    ],
    en: {
      answer:
        'An employer needs a lawful reason and procedure to dismiss you. If the dismissal is unlawful you can ask to keep your job, or instead claim damages of twice the statutory severance (2N). The employer must also tell the union its reasons beforehand.',
      steps: [
        'Ask for a written dismissal notice with reasons',
        'Keep the contract, wage records, the notice and chat messages',
        'Apply for arbitration within one year to get your job back or damages',
      ],
    },
    cite: [laborContractLaw(48), laborContractLaw(87), laborContractLaw(39), tradeUnionLaw(22)],
  },
  {
    id: 'severance',
    topic: 'dismissal',
    ask: ['经济补偿金怎么算', '被裁员能拿多少补偿', 'N+1是什么意思', '公司解除合同要给多少钱'],
    askEn: ['how is severance pay calculated', 'what is n+1'],
    answer:
      '经济补偿按在本单位工作的年限计算，每满一年支付一个月工资；六个月以上不满一年按一年算，不满六个月支付半个月工资（N）。月工资按解除前十二个月的平均应得工资计算；工资高于当地上年度职工月平均工资三倍的，有封顶。单位按“提前30日通知”程序解除却没提前通知的，另加一个月工资（这就是 “+1”）。',
    steps: [
      '数清在本单位的工作年限',
      '算出解除前12个月的平均应得工资（含奖金、津贴、补贴）',
      '单位不付的，申请仲裁',
    ],
    en: {
      answer:
        'Severance is one month’s wage for each full year worked for the employer; six months or more counts as a year, less than six months as half a month (N). The monthly wage is the average of the 12 months before the end, with a cap for high earners. If the employer used a no-fault dismissal without 30 days’ notice, it adds one month’s pay (the “+1”).',
      steps: [
        'Count your years with the employer',
        'Work out your average monthly pay over the last 12 months, including bonuses and allowances',
        'Apply for arbitration if not paid',
      ],
    },
    cite: [laborContractLaw(47), laborContractLaw(46), laborContractLaw(40), laborContractRegs(27)],
  },
  {
    id: 'when-severance-due',
    topic: 'dismissal',
    ask: [
      '什么情况下公司要给经济补偿',
      '合同到期不续签有补偿吗',
      '公司倒闭了有没有补偿',
      '我自己辞职能拿补偿吗',
    ],
    askEn: ['when am i entitled to severance'],
    answer:
      '需要支付经济补偿的常见情形：因单位欠薪、不缴社保等原因你依法解除合同的；单位提出协商一致解除的；单位无过失辞退或经济性裁员的；合同期满单位不续签（或降低条件续签你不同意）的；单位破产、被吊销执照、关闭或提前解散的。自己无正当理由辞职的一般没有。',
    steps: ['弄清是谁先提出解除、理由是什么', '保留书面通知和沟通记录', '符合条件单位不给的，申请仲裁'],
    en: {
      answer:
        'Severance is due when you resign because the employer broke the law (unpaid wages, no social insurance …), when the employer proposes ending by agreement, for no-fault dismissal or redundancy, when a fixed-term contract ends and the employer does not renew on equal or better terms, and when the employer goes bankrupt, loses its licence or closes. Quitting for personal reasons usually gives none.',
      steps: [
        'Be clear who proposed ending the contract and why',
        'Keep written notices and messages',
        'Apply for arbitration if refused',
      ],
    },
    cite: [laborContractLaw(46), laborContractLaw(44), laborContractLaw(47)],
  },
  {
    id: 'resign-notice',
    topic: 'resignation',
    ask: ['辞职要提前多久说', '公司不批辞职怎么办', '试用期辞职要提前几天', '老板不让走说要扣工资'],
    askEn: ['how much notice do i need to give to quit', 'my employer will not let me resign'],
    answer:
      '劳动者提前三十日以书面形式通知单位，就可以解除劳动合同，不需要单位批准；试用期内提前三日通知即可。辞职后单位应当结清工资、出具离职证明，并在十五日内办理档案和社保转移手续。',
    steps: [
      '写好辞职通知，注明日期，交给单位并留存签收或发送记录',
      '工作到通知期满，做好交接',
      '单位不结工资或不开离职证明的，投诉或申请仲裁',
    ],
    en: {
      answer:
        'You may end your contract by giving 30 days’ written notice (3 days during probation); the employer’s approval is not needed. The employer must then pay all wages, give you a leaving certificate and transfer your file and social insurance within 15 days.',
      steps: [
        'Give a dated written notice and keep proof it was received',
        'Work out the notice period and hand over',
        'Complain or apply for arbitration if pay or papers are withheld',
      ],
    },
    cite: [laborContractLaw(37), laborContractLaw(50), { law: '工资支付暂行规定', article: 9 }],
  },
  {
    id: 'resign-immediately',
    topic: 'resignation',
    ask: ['公司拖欠工资我可以马上走吗', '公司不交社保我辞职能要补偿吗', '被逼着冒险干活能立刻走吗'],
    askEn: ['can i quit immediately if my employer does not pay me'],
    answer:
      '单位未及时足额支付工资、未依法缴纳社保、不提供劳动保护或条件、规章违法损害你的权益的，你可以通知单位解除合同，并要求经济补偿。单位用暴力、威胁或非法限制人身自由强迫劳动，或违章指挥、强令冒险作业危及人身安全的，可以立即解除，不需事先告知。',
    steps: [
      '书面通知单位解除，写明理由（如“未及时足额支付劳动报酬”）',
      '保留欠薪、欠缴社保的证据',
      '申请仲裁要求工资和经济补偿',
    ],
    en: {
      answer:
        'If the employer fails to pay wages in full and on time, does not pay social insurance, or does not provide safe conditions, you may end the contract and claim severance. If you are forced to work by violence, threats or confinement, or ordered into dangerous work, you may leave at once without notice.',
      steps: [
        'Give written notice stating the reason (e.g. wages not paid in full and on time)',
        'Keep evidence of the unpaid wages or missing social insurance',
        'Apply for arbitration for wages and severance',
      ],
    },
    cite: [laborContractLaw(38), laborContractLaw(46), disputeInterpretation(45)],
    offerReport: true,
  },
  {
    id: 'dismissal-for-fault',
    topic: 'dismissal',
    ask: ['公司说我严重违纪开除我', '什么情况公司可以直接开除', '试用期不符合录用条件被辞退'],
    answer:
      '只有法定过错情形，单位才可以随时解除且不付经济补偿：试用期被证明不符合录用条件、严重违反规章制度、严重失职给单位造成重大损害、同时与其他单位建立劳动关系严重影响工作或经提出拒不改正、以欺诈胁迫订立合同、被依法追究刑事责任。举证责任在单位；规章制度要经民主程序并公示才能作数。',
    steps: [
      '要求单位拿出违纪的证据和对应的规章条款',
      '确认规章是否公示或告知过你',
      '不认可的，一年内申请仲裁',
    ],
    cite: [laborContractLaw(39), laborContractLaw(4), disputeInterpretation(44)],
  },
  {
    id: 'no-fault-dismissal',
    topic: 'dismissal',
    ask: ['公司说我不能胜任工作要辞退', '公司搬迁了我不去能要补偿吗', '生病后干不了原来的活被辞退'],
    answer:
      '非过错辞退只限三种情形：医疗期满不能从事原工作和另行安排的工作；不能胜任工作，经培训或调岗仍不能胜任；合同订立时的客观情况发生重大变化无法履行、协商变更不成。单位要提前30日书面通知或额外支付1个月工资，并支付经济补偿。',
    steps: ['看单位是否经过培训或调岗程序', '确认是否提前30日书面通知', '程序或理由不合法的，主张赔偿金'],
    cite: [laborContractLaw(40), laborContractLaw(46), laborContractLaw(47)],
  },
  {
    id: 'layoffs',
    topic: 'dismissal',
    ask: ['公司裁员要走什么程序', '经济性裁员谁可以优先留用', '一次裁二十多个人'],
    answer:
      '裁减二十人以上或不足二十人但占职工总数百分之十以上的，单位要提前三十日向工会或全体职工说明情况、听取意见，并向劳动行政部门报告。裁员时应优先留用签订较长期限或无固定期限合同的、家庭无其他就业人员且有需要扶养的老人或未成年人的职工。被裁员的可以得到经济补偿。',
    steps: ['了解单位是否履行了告知工会和报告程序', '保留裁员通知', '不符合程序的，找工会或申请仲裁'],
    cite: [laborContractLaw(41), laborContractLaw(46), laborContractLaw(42)],
  },
  {
    id: 'protected-workers',
    topic: 'dismissal',
    ask: ['哪些人公司不能随便辞退', '工伤期间能被辞退吗', '快退休了公司要辞退我'],
    answer:
      '以下人员，单位不得以非过错辞退或经济性裁员的方式解除合同：从事职业病危害作业未做离岗前检查或疑似职业病病人在诊断、观察期间的；因工伤或职业病丧失或部分丧失劳动能力的；患病或非因工负伤在医疗期内的；女职工在孕期、产期、哺乳期的；在本单位连续工作满十五年且距法定退休年龄不足五年的。',
    steps: [
      '确认自己是否属于这些情形并保留证明',
      '收到辞退通知时书面提出异议',
      '申请仲裁要求继续履行或赔偿金',
    ],
    cite: [laborContractLaw(42), laborContractLaw(48)],
  },
  {
    id: 'contract-expiry',
    topic: 'dismissal',
    ask: ['合同到期公司不续签怎么办', '合同到期了还在干活算什么', '合同期满终止要提前通知吗'],
    answer:
      '固定期限合同期满，劳动合同终止。单位维持或提高条件续签而你不同意的，没有经济补偿；其他期满终止（例如单位不续签），单位要支付经济补偿。期满后你继续在单位干活、单位也没表示异议的，劳动关系继续存在，应当及时签订合同。',
    steps: ['期满前问清单位是否续签、条件如何', '单位不续签的，要求经济补偿和离职证明', '有争议的申请仲裁'],
    cite: [laborContractLaw(44), laborContractLaw(46), disputeInterpretation(34)],
  },
  {
    id: 'leaving-certificate',
    topic: 'resignation',
    ask: ['离职证明公司不给开', '离职后社保关系怎么转', '公司扣着档案不给'],
    answer:
      '解除或终止劳动合同时，单位应当出具解除或终止劳动合同的证明，并在十五日内为你办理档案和社保关系转移手续。扣押档案或其他物品的，由劳动行政部门责令退还并处罚。',
    steps: ['书面要求开具离职证明', '单位拒绝的，向劳动保障监察投诉', '因没有证明造成损失的，可以要求赔偿'],
    cite: [laborContractLaw(50), laborContractLaw(84), laborContractLaw(89)],
  },
];
