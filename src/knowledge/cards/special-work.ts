import type { Card } from '../card.js';
import { laborContractLaw, migrantWageRegs, socialInsuranceLaw, tradeUnionLaw } from './cite.js';

export const specialWorkCards: Card[] = [
  {
    id: 'construction-arrears',
    topic: 'construction',
    ask: [
      '包工头跑了工资找谁要',
      '工地欠农民工工资怎么办',
      '包工头说总包没给钱所以发不了工资',
      '在工地干活工程款没结工资不给',
    ],
    askEn: ['the foreman ran off without paying us on a construction site', 'construction site wage arrears'],
    answer:
      '工程建设领域，分包单位拖欠农民工工资的，由施工总承包单位先行清偿，再去追偿；违法发包、分包给个人（包工头）或没有资质的单位导致欠薪的，由发包的建设单位或总承包单位清偿。建设单位没按合同拨付工程款导致欠薪的，要以未结清的工程款为限先行垫付。“工程款没结”不是拖欠工资的理由。',
    steps: [
      '记下项目名称、地点、总包单位和包工头信息，拍下工地维权信息告示牌',
      '保留考勤、工资表、欠条和聊天记录，找工友一起作证',
      '向项目所在地人社部门或住建部门投诉，也可以拨打 12351 找工会',
    ],
    en: {
      answer:
        'On construction projects, if a subcontractor owes migrant workers’ wages, the general contractor must pay first and recover the money later. If work was illegally subcontracted to an individual foreman or an unlicensed firm, the developer or general contractor pays. A developer that did not pay the project money must advance the wages up to what it owes. “We have not been paid for the project” is no excuse.',
      steps: [
        'Note the project name, site, general contractor and foreman; photograph the rights notice board',
        'Keep attendance, pay sheets, IOUs and chats; ask co-workers to be witnesses',
        'Complain to the HR or housing and construction bureau where the project is, or call the union on 12351',
      ],
    },
    cite: [migrantWageRegs(30), migrantWageRegs(36), migrantWageRegs(29), migrantWageRegs(19)],
    offerReport: true,
  },
  {
    id: 'construction-wage-account',
    topic: 'construction',
    ask: ['工地工资应该谁来发', '农民工工资专用账户是什么', '工地工资能不能一年一结'],
    answer:
      '施工总承包单位应当开设农民工工资专用账户，建设单位按合同把人工费用拨到专户，人工费用拨付周期不得超过1个月。工程建设领域推行总包代发：分包单位按月考核工作量、编制工资表并经本人签字确认，总包通过专户直接发到你本人的银行账户。',
    steps: [
      '确认自己有没有实名登记和按月签字的工资表',
      '工资没按月到账的，向项目部劳资专管员问清原因',
      '仍不发的，向项目所在地人社部门投诉',
    ],
    cite: [migrantWageRegs(26), migrantWageRegs(31), migrantWageRegs(24), migrantWageRegs(28)],
    offerReport: true,
  },
  {
    id: 'construction-notice-board',
    topic: 'construction',
    ask: ['工地维权告示牌在哪', '工地讨薪找哪个部门', '不知道总包是谁怎么投诉'],
    answer:
      '施工总承包单位应当在施工现场醒目位置设立维权信息告示牌，写明建设单位、总包、分包、劳资专管员等信息，当地最低工资标准和发薪日期，以及主管部门和劳动保障监察的投诉举报电话、仲裁申请渠道、法律援助渠道等。按告示牌上的渠道投诉最快。',
    steps: ['到工地大门或项目部找告示牌并拍照', '按上面的投诉电话反映', '也可以拨打 12333 或 12351'],
    cite: [migrantWageRegs(34), migrantWageRegs(10)],
    offerReport: true,
  },
  {
    id: 'migrant-worker-legal-aid',
    topic: 'process',
    ask: ['打官司没钱请律师怎么办', '农民工讨薪有没有法律援助', '免费律师去哪找'],
    askEn: ['i cannot afford a lawyer', 'free legal aid for unpaid wages'],
    answer:
      '司法行政部门和法律援助机构把农民工列为法律援助的重点对象，为请求支付工资的农民工依法提供便捷的法律援助。各级总工会也为职工提供法律援助等法律服务。劳动仲裁本身不收费。',
    steps: [
      '到当地法律援助中心或公共法律服务中心申请法律援助',
      '拨打 12351 找工会的法律服务',
      '带上身份证明和欠薪证据',
    ],
    en: {
      answer:
        'Migrant workers claiming wages are a priority for legal aid, and trade unions at county level and above provide legal aid to workers. Labour arbitration itself is free.',
      steps: [
        'Apply at the local legal aid or public legal service centre',
        'Call the union on 12351',
        'Bring ID and evidence of the unpaid wages',
      ],
    },
    cite: [migrantWageRegs(45), tradeUnionLaw(30), { law: '劳动争议调解仲裁法', article: 53 }],
  },
  {
    id: 'part-time',
    topic: 'part-time',
    ask: ['兼职小时工有什么权利', '非全日制用工要签合同吗', '小时工工资多久结一次', '兼职被随时辞退有补偿吗'],
    askEn: ['what rights do part-time hourly workers have'],
    answer:
      '非全日制用工是以小时计酬为主、一般平均每天不超过4小时、每周累计不超过24小时的用工。可以口头约定，不得约定试用期；任何一方可以随时通知终止，单位不付经济补偿。小时工资不得低于当地最低小时工资标准，工资结算周期最长不超过15日。',
    steps: [
      '记好每天的工作时长',
      '工资超过15天不结的，要求结清',
      '低于最低小时工资或被拖欠的，向劳动保障监察投诉',
    ],
    en: {
      answer:
        'Part-time work is paid mainly by the hour, normally at most 4 hours a day and 24 a week. It may be agreed orally, with no probation; either side may end it at any time and no severance is due. Hourly pay may not be below the local minimum hourly wage, and pay must be settled at least every 15 days.',
      steps: [
        'Keep a log of your hours',
        'Ask for payment if more than 15 days pass',
        'Complain to labour inspection about underpayment or arrears',
      ],
    },
    cite: [
      laborContractLaw(68),
      laborContractLaw(69),
      laborContractLaw(70),
      laborContractLaw(71),
      laborContractLaw(72),
    ],
  },
  {
    id: 'dispatch',
    topic: 'dispatch',
    ask: [
      '劳务派遣工出了问题找谁',
      '派遣公司和用工单位谁发工资',
      '派遣工能同工同酬吗',
      '劳务公司派我去的厂里干活',
    ],
    askEn: ['i am an agency worker who is responsible for me'],
    answer:
      '劳务派遣单位是你的用人单位，要和你签订二年以上的固定期限劳动合同、按月支付报酬（无工作期间也要按当地最低工资标准按月支付）；用工单位要提供劳动条件、支付加班费和绩效奖金。你和用工单位同类岗位员工同工同酬。派遣单位和用工单位都不得向你收费；给你造成损害的，两者承担连带赔偿责任。',
    steps: [
      '弄清劳动合同是和哪家公司签的',
      '欠薪、加班费等问题同时向派遣单位和用工单位主张',
      '向劳动保障监察投诉或申请仲裁（可以把两家一起列为当事人）',
    ],
    en: {
      answer:
        'The staffing agency is your employer: it must sign a fixed-term contract of at least two years and pay you monthly, even between assignments (at least the local minimum wage). The host company must provide working conditions and pay overtime and bonuses. You get equal pay with the host’s own staff, neither may charge you fees, and both are jointly liable for harm to you.',
      steps: [
        'Find out which company your contract is with',
        'Raise wage and overtime claims with both companies',
        'Complain to labour inspection or apply for arbitration naming both',
      ],
    },
    cite: [
      laborContractLaw(58),
      laborContractLaw(62),
      laborContractLaw(63),
      laborContractLaw(92),
      laborContractLaw(60),
    ],
  },
  {
    id: 'dispatch-limits',
    topic: 'dispatch',
    ask: ['派遣工可以干多久', '长期岗位用派遣工合法吗'],
    answer:
      '劳务派遣只能在临时性、辅助性或替代性的岗位上使用：临时性岗位存续不超过六个月，辅助性是为主营业务提供服务的岗位，替代性是替代休假、脱产学习的员工。用工单位应当严格控制派遣用工数量，不得把连续用工期限拆成几个短期派遣协议。',
    steps: [
      '了解你的岗位是否属于这三类',
      '长期主营岗位被派遣的，可以向劳动保障监察反映',
      '咨询工会（12351）',
    ],
    cite: [laborContractLaw(66), laborContractLaw(59)],
  },
  {
    id: 'platform-worker-rights',
    topic: 'platform',
    ask: [
      '外卖骑手算不算劳动者',
      '骑手跟平台是什么关系',
      '跑单的有没有劳动法保护',
      '专送骑手和众包骑手有什么区别',
    ],
    askEn: ['are delivery riders employees', 'what rights do platform workers have'],
    answer:
      '要看实际用工情况：站点或配送公司安排排班、考勤、管理你并支付报酬的，通常构成劳动关系（没签合同也算事实劳动关系），享有劳动法的全部权利；自主接单、自由上下线的众包骑手，多被认定为不完全符合劳动关系，但依然享有获得报酬、休息、劳动安全、参加工会等基本权益。出了争议，可以申请仲裁确认劳动关系。',
    steps: [
      '保存 App 里的排班、考勤、罚款、收入记录截图',
      '弄清和你签约的是平台、站点还是外包公司',
      '有争议的，向劳动争议仲裁委员会申请确认劳动关系，或找工会咨询',
    ],
    en: {
      answer:
        'It depends on how you actually work. If a station or delivery company sets your shifts, checks attendance, manages and pays you, that is usually employment (even without a written contract), with all labour-law rights. Crowd-sourced riders who choose when to work are often not full employees, but still have basic rights to pay, rest, safety and joining a union. Disputes over your status can go to arbitration.',
      steps: [
        'Screenshot schedules, attendance, fines and income records in the app',
        'Find out who you signed with: platform, station or contractor',
        'Apply for arbitration to confirm employment, or ask the union',
      ],
    },
    cite: [laborContractLaw(7), { law: '劳动争议调解仲裁法', article: 2 }, tradeUnionLaw(3)],
  },
  {
    id: 'platform-join-union',
    topic: 'union',
    ask: ['骑手可以加入工会吗', '快递员怎么入会', '网约车司机能不能参加工会', '加入工会有什么好处'],
    askEn: ['can delivery riders join a union', 'how do i join a trade union'],
    answer:
      '以工资收入为主要生活来源的劳动者，不分职业，都有依法参加和组织工会的权利，任何组织和个人不得阻挠和限制。工会法明确工会要适应就业形态的发展变化，维护劳动者入会的权利，外卖骑手、快递员、网约车司机等新就业形态劳动者都可以入会。',
    steps: [
      '拨打 12351 或联系所在城市、区县的总工会，问清新就业形态劳动者入会渠道',
      '许多地方可以通过工会的线上平台或小程序申请入会',
      '入会后可以使用工会驿站、法律援助等服务',
    ],
    en: {
      answer:
        'Every worker who lives mainly on wage income, whatever the job, has the right to join and form a union, and no one may obstruct it. The Trade Union Law requires unions to adapt to new forms of work, so delivery riders, couriers and ride-hailing drivers can join.',
      steps: [
        'Call 12351 or your city or district federation of trade unions about joining',
        'Many places let you apply online',
        'Members can use union rest stations and legal aid',
      ],
    },
    cite: [tradeUnionLaw(3), tradeUnionLaw(6)],
  },
  {
    id: 'platform-penalties',
    topic: 'platform',
    ask: ['超时罚款合法吗', '骑手被平台扣钱怎么办', '站长随便罚款'],
    answer:
      '和站点或配送公司存在劳动关系的，单位不得克扣工资，罚款、扣钱要有合法依据，规章制度要经民主程序制定并公示。众包骑手与平台之间的扣款按协议和平台规则处理，规则涉及报酬、工作时间、奖惩等切身利益的，应当公开、合理。对不合理的扣款可以申诉、投诉，或找工会协助。',
    steps: ['截图保存每一笔扣款记录和规则', '先在平台或站点申诉', '向劳动保障监察投诉，或拨打 12351 找工会'],
    cite: [laborContractLaw(4), { law: '劳动法', article: 50 }, { law: '工资支付暂行规定', article: 15 }],
  },
  {
    id: 'farmers-social-insurance',
    topic: 'social-insurance',
    ask: ['农村户口打工单位要给交社保吗', '我有新农合还要交社保吗'],
    answer:
      '进城务工的农村居民依照社会保险法参加社会保险。和用人单位建立劳动关系的，单位必须为你办理社保登记并缴费，户口性质不影响。',
    steps: ['查询单位是否为你登记参保', '书面要求单位缴纳', '向社保征收机构或劳动保障监察投诉'],
    cite: [socialInsuranceLaw(95), socialInsuranceLaw(58)],
  },
];
