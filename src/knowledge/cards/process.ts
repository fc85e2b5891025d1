import type { Card } from '../card.js';
import {
  disputeLaw,
  inspectionRegs,
  laborContractLaw,
  laborLaw,
  migrantWageRegs,
  tradeUnionLaw,
  unionSupervisionZj,
} from './cite.js';

export const processCards: Card[] = [
  {
    id: 'where-to-go',
    topic: 'process',
    ask: ['维权应该先找谁', '劳动纠纷去哪里投诉', '劳动仲裁和劳动监察有什么区别', '工会和人社局哪个管欠薪'],
    askEn: [
      'where should i go first to claim my rights',
      'difference between labour inspection and arbitration',
    ],
    answer:
      '一般顺序：①先和单位协商，或请工会出面协调（12351）；②欠薪、不签合同、不缴社保等明显违法，可以向用工所在地劳动保障监察投诉（12333 可咨询），由行政部门责令改正；③要求确认劳动关系、算补偿赔偿等需要裁决的，向劳动争议仲裁委员会申请仲裁（可先调解）；④对仲裁裁决不服的，收到裁决书十五日内向法院起诉。有欠条或调解协议的，可以直接向法院申请支付令。',
    steps: [
      '整理证据和诉求（要多少钱、要求什么）',
      '拨打 12351（工会）或 12333（人社）咨询',
      '按上面的顺序投诉或申请仲裁，注意一年的仲裁时效',
    ],
    en: {
      answer:
        'The usual order: (1) negotiate with the employer or ask the union to step in (12351); (2) for clear violations such as unpaid wages, no contract or no social insurance, complain to labour inspection where you work (advice on 12333), which can order the employer to comply; (3) for decisions on employment status, compensation or damages, apply to the labour dispute arbitration committee (mediation is possible first); (4) if you disagree with the award, sue in court within 15 days of receiving it. With an IOU or a mediation agreement you can ask a court for a payment order directly.',
      steps: [
        'Write down your evidence and what you are asking for',
        'Call 12351 (union) or 12333 (HR and social security) for advice',
        'Complain or apply for arbitration in that order, within the one-year limit',
      ],
    },
    cite: [laborLaw(77), disputeLaw(5), inspectionRegs(9), disputeLaw(9)],
    offerReport: true,
  },
  {
    id: 'arbitration-time-limit',
    topic: 'process',
    ask: ['劳动仲裁有时间限制吗', '离职两年了还能申请仲裁吗', '仲裁时效从什么时候算', '欠薪过了一年还能要吗'],
    askEn: ['is there a time limit for labour arbitration', 'deadline to claim unpaid wages'],
    answer:
      '劳动争议申请仲裁的时效是一年，从知道或应当知道权利被侵害之日起计算；向对方主张权利、向有关部门请求救济或对方同意履行的，时效中断并重新计算。劳动关系存续期间拖欠工资的，不受一年限制；但劳动关系终止的，应当自终止之日起一年内提出。',
    steps: ['尽早行动，不要等到一年快满', '保留催讨工资的书面记录（时效中断的证据）', '离职后一年内申请仲裁'],
    en: {
      answer:
        'The limit for labour arbitration is one year from when you knew or should have known your rights were infringed. It restarts when you demand payment, seek help from an authority, or the employer agrees to pay. Wage arrears during employment are not subject to the one-year limit, but once the job ends you must apply within one year of the end.',
      steps: [
        'Act early; do not wait until the year is nearly over',
        'Keep written records of your demands for payment',
        'Apply within one year of leaving',
      ],
    },
    cite: [disputeLaw(27)],
  },
  {
    id: 'arbitration-cost',
    topic: 'process',
    ask: ['劳动仲裁要交钱吗', '申请仲裁需要多少费用', '打劳动官司要花多少钱'],
    askEn: ['how much does labour arbitration cost'],
    answer: '劳动争议仲裁不收费，经费由财政保障。需要律师的，可以申请法律援助或找工会提供法律服务。',
    steps: [
      '到劳动争议仲裁委员会领取或在线填写仲裁申请书',
      '准备身份证明、证据材料和副本',
      '需要帮助可以拨打 12351',
    ],
    en: {
      answer:
        'Labour dispute arbitration is free of charge; it is funded by the government. If you need a lawyer, apply for legal aid or ask the union.',
      steps: [
        'Get the application form from the arbitration committee or online',
        'Prepare ID, evidence and copies',
        'Call 12351 for help',
      ],
    },
    cite: [disputeLaw(53), tradeUnionLaw(30)],
  },
  {
    id: 'arbitration-how',
    topic: 'process',
    ask: ['怎么申请劳动仲裁', '仲裁申请书怎么写', '去哪里申请仲裁', '仲裁多久能出结果'],
    askEn: ['how do i apply for labour arbitration'],
    answer:
      '向劳动合同履行地或用人单位所在地的劳动争议仲裁委员会提交书面申请，写明双方信息、仲裁请求和事实理由、证据。仲裁委收到申请五日内决定是否受理；案件一般应当在受理后四十五日内结束，复杂的可以延长不超过十五日。书写有困难的可以口头申请。',
    steps: [
      '写清请求：要多少工资、补偿、赔偿，分别怎么算',
      '带上身份证和证据复印件到仲裁委或在线提交',
      '按通知参加开庭，可以请工会或律师帮助',
    ],
    en: {
      answer:
        'Apply in writing to the arbitration committee where the contract was performed or where the employer is, stating both parties, your claims, the facts and your evidence. The committee decides within 5 days whether to accept, and a case normally ends within 45 days of acceptance (up to 15 more if complex). You may apply orally if writing is hard.',
      steps: [
        'State each claim and how you calculated it',
        'Submit with ID and copies of your evidence, in person or online',
        'Attend the hearing; the union or a lawyer can help',
      ],
    },
    cite: [disputeLaw(21), disputeLaw(28), disputeLaw(29), disputeLaw(43)],
  },
  {
    id: 'mediation',
    topic: 'process',
    ask: ['劳动争议可以调解吗', '调解去哪里调解', '调解协议有没有法律效力'],
    answer:
      '发生劳动争议，可以到企业劳动争议调解委员会、基层人民调解组织或乡镇街道设立的有劳动争议调解职能的组织申请调解。达成调解协议后对双方有约束力；就欠薪、工伤医疗费、经济补偿或赔偿金达成协议而单位不履行的，可以凭协议申请支付令。调解不成或不愿调解的，可以直接申请仲裁。',
    steps: [
      '向单位所在地的调解组织或工会提出调解',
      '调解协议要写清金额和付款期限并签字',
      '逾期不付的，申请支付令或仲裁',
    ],
    cite: [disputeLaw(10), disputeLaw(14), disputeLaw(16), disputeLaw(5)],
  },
  {
    id: 'after-arbitration',
    topic: 'process',
    ask: ['对仲裁结果不服怎么办', '仲裁赢了公司不给钱怎么办', '仲裁完还能去法院起诉吗'],
    answer:
      '追索劳动报酬、工伤医疗费、经济补偿或赔偿金不超过当地月最低工资标准十二个月金额的等争议，仲裁裁决为终局裁决，劳动者不服的可以在收到裁决书十五日内起诉；其他案件任何一方不服，都可以在十五日内起诉。裁决生效后单位不履行的，可以向人民法院申请强制执行。',
    steps: [
      '看清裁决书上是否写明“终局裁决”',
      '不服的，十五日内向基层人民法院起诉',
      '单位不履行生效裁决的，申请法院强制执行',
    ],
    cite: [disputeLaw(47), disputeLaw(48), disputeLaw(50), disputeLaw(51)],
  },
  {
    id: 'evidence-checklist',
    topic: 'evidence',
    ask: ['讨薪需要准备哪些证据', '怎么收集证据', '维权要留什么证据', '手机聊天记录能当证据吗'],
    askEn: ['what evidence should i collect', 'what proof do i need for unpaid wages'],
    answer:
      '常用证据：劳动合同或用工协议；工资条、银行流水、微信支付宝转账记录；考勤打卡、排班表、派单和 App 截图；工作证、工服、工牌照片；工作群聊天记录、催讨工资的聊天或录音；欠条、结算单；同事证言。与争议有关、由单位掌握的证据（考勤、工资台账），单位应当提供，不提供的承担不利后果。',
    steps: [
      '现在就截图备份，不要只存在公司的设备或群里',
      '录音时说清时间、对象和欠款金额',
      '按时间顺序整理，列一张欠款清单',
    ],
    en: {
      answer:
        'Useful evidence: the contract; pay slips, bank or WeChat/Alipay transfers; clock-ins, rosters, order records and app screenshots; badge or uniform photos; work-group chats and messages or recordings asking for pay; IOUs and settlement sheets; colleagues’ statements. Evidence the employer holds (attendance, payroll) must be produced by it, or it bears the consequences.',
      steps: [
        'Screenshot and back up now, not only on company devices',
        'When recording, state the date, the person and the amount owed',
        'Sort everything by date and list what you are owed',
      ],
    },
    cite: [disputeLaw(6), migrantWageRegs(50), { law: '劳动争议司法解释（一）', article: 42 }],
    offerReport: true,
  },
  {
    id: 'labor-inspection-complaint',
    topic: 'process',
    ask: ['怎么向劳动监察投诉', '劳动监察大队管什么', '投诉老板会不会被报复', '投诉劳动监察有时间限制吗'],
    askEn: ['how do i complain to labour inspection'],
    answer:
      '劳动者认为用人单位侵犯劳动保障权益的，有权向劳动保障行政部门投诉，由用工所在地的县级或设区的市级部门管辖。监察的事项包括签订劳动合同、支付工资、工作时间和休息休假、缴纳社保等。违法行为两年内未被发现也未被投诉的，不再查处，所以要及时。部门应当为举报人保密。',
    steps: [
      '写明单位名称、地址、违法事实和诉求',
      '带身份证和证据到当地劳动保障监察机构，或通过 12333 咨询投诉渠道',
      '记下受理编号，跟进处理结果',
    ],
    en: {
      answer:
        'You may complain to the labour authority where you work when your rights are infringed. Inspection covers contracts, wage payment, working hours and rest, social insurance and more. Violations not discovered or reported within two years are no longer pursued, so act promptly. Complainants’ identities are kept confidential.',
      steps: [
        'Write down the employer, address, what happened and what you want',
        'Go to the local labour inspection office with ID and evidence, or ask 12333 how to file',
        'Keep the case number and follow up',
      ],
    },
    cite: [inspectionRegs(9), inspectionRegs(11), inspectionRegs(13), inspectionRegs(20)],
    offerReport: true,
  },
  {
    id: 'hotlines',
    topic: 'process',
    ask: ['工会电话是多少', '12351是干什么的', '12333能管什么', '有没有维权热线'],
    askEn: ['what is the union hotline', 'what is 12333'],
    answer:
      '12351 是全国总工会职工服务热线，可以咨询劳动法律问题、反映欠薪、求助法律援助；12333 是人力资源和社会保障服务热线，可以咨询工资、社保、劳动合同政策，了解投诉渠道。遇到人身危险请拨打 110，受伤急救请拨打 120。',
    steps: [
      '说明所在城市、单位名称和问题',
      '记下接线员给你的受理信息',
      '需要登记欠薪的，也可以在这里直接反映',
    ],
    en: {
      answer:
        '12351 is the All-China Federation of Trade Unions workers’ hotline: legal questions, unpaid wages and legal aid. 12333 is the HR and social security hotline: wages, social insurance, contracts and how to complain. In danger call 110; for an ambulance call 120.',
      steps: [
        'Give your city, employer and the problem',
        'Note the reference you are given',
        'You can also report unpaid wages right here',
      ],
    },
    cite: [tradeUnionLaw(6), inspectionRegs(9)],
    offerReport: true,
  },
  {
    id: 'union-supervision-letters',
    topic: 'union',
    ask: ['什么是一函两书', '工会劳动法律监督意见书有什么用', '工会能给公司发函吗', '工会监督建议书'],
    askEn: ['what are the union supervision letters'],
    answer:
      '“一函两书”是工会劳动法律监督的文书：提示函提醒用人单位注意违法风险、及时改正；单位存在违法侵权行为的，工会发出工会劳动法律监督意见书，督促限期改正（以浙江省条例为例，单位应在收到意见书十五个工作日内书面答复）；单位拒收、不答复或无正当理由不改正的，地方总工会向人社等部门发出劳动法律监督建议书，移交材料由政府部门依法处理。',
    steps: [
      '向工会反映单位的违法行为，提供证据',
      '工会核实后会与单位沟通，必要时发函、发意见书',
      '单位不改的，工会提请政府部门处理',
    ],
    en: {
      answer:
        'The “one letter, two documents” are the union’s labour-law supervision tools: a reminder letter warns the employer; for actual violations the union issues a supervision opinion requiring correction (in Zhejiang the employer must reply in writing within 15 working days); if the employer refuses, does not reply or does not correct without good reason, the local federation sends a supervision recommendation to the HR authorities with the file for them to act.',
      steps: [
        'Report the violation to the union with your evidence',
        'The union checks, talks to the employer and issues documents if needed',
        'If nothing changes, the union refers it to the government',
      ],
    },
    cite: [unionSupervisionZj(21), unionSupervisionZj(22), unionSupervisionZj(23), tradeUnionLaw(23)],
  },
  {
    id: 'union-complaint-process',
    topic: 'union',
    ask: ['向工会投诉以后工会怎么处理', '工会会不会帮我跟老板谈', '工会能调查公司吗'],
    answer:
      '工会劳动法律监督委员会接到投诉后应当及时受理，派人听取双方意见、了解情况；认为单位违法的，组织双方协商；不愿协商或协商未果的，可以调查、查阅复制资料，单位应当配合；确认违法的，督促改正，必要时发出监督意见书。单位克扣拖欠工资的，工会应当代表职工交涉。',
    steps: ['写清诉求和事实，交给工会', '配合工会了解情况，提供证据', '跟进处理结果，必要时再申请仲裁'],
    cite: [unionSupervisionZj(17), unionSupervisionZj(19), unionSupervisionZj(20), tradeUnionLaw(23)],
  },
  {
    id: 'collective-arrears',
    topic: 'process',
    ask: ['好多工友一起被欠薪怎么办', '集体讨薪应该怎么做', '几十个人都没拿到工资'],
    answer:
      '多人被欠薪，建议推选代表、统一整理名单和欠款清单，通过合法渠道一起反映：向工会、劳动保障监察或项目所在地相关部门投诉，也可以共同申请仲裁。工会依法维护农民工工资权益，发现拖欠可以要求单位改正，拒不改正的请求政府部门处理。不要采取堵路、爬楼等危及自身安全或违法的方式。',
    steps: [
      '推选2～5名代表，整理全体人员名单、工期和欠款金额',
      '拨打 12351 找工会，或向项目所在地人社部门投诉',
      '保持联系，统一行动，保留所有材料',
    ],
    cite: [migrantWageRegs(51), migrantWageRegs(52), tradeUnionLaw(23), disputeLaw(7)],
    offerReport: true,
  },
  {
    id: 'law-protects-workers',
    topic: 'process',
    ask: ['劳动者有哪些基本权利', '打工的有什么权利', '劳动法保护我什么'],
    askEn: ['what are my basic rights as a worker'],
    answer:
      '劳动者享有平等就业和选择职业、取得劳动报酬、休息休假、获得劳动安全卫生保护、接受职业技能培训、享受社会保险和福利、提请劳动争议处理等权利。用人单位应当按时足额支付工资，依法订立劳动合同。',
    steps: ['遇到问题先弄清是哪项权利受到侵害', '保留证据', '向工会 12351 或人社 12333 咨询'],
    en: {
      answer:
        'Workers have the rights to equal employment and choice of job, to be paid, to rest and leave, to safe and healthy working conditions, to training, to social insurance and welfare, and to bring labour disputes. Employers must pay wages in full and on time and sign labour contracts.',
      steps: ['Work out which right is affected', 'Keep evidence', 'Ask the union (12351) or 12333'],
    },
    cite: [laborLaw(3), laborContractLaw(30)],
  },
];
