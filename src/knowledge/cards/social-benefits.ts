import type { Card } from '../card.js';
import { injuryRegs, laborContractLaw, socialInsuranceLaw } from './cite.js';

export const socialBenefitCards: Card[] = [
  {
    id: 'pension-eligibility',
    topic: 'social-insurance',
    ask: [
      '社保交满多少年才能领退休金',
      '退休了养老金怎么领',
      '社保没交够十五年怎么办',
      '到了退休年龄缴费年限不够',
    ],
    askEn: ['how many years of contributions do i need for a pension'],
    answer:
      '参加基本养老保险的，达到法定退休年龄时累计缴费满十五年，按月领取基本养老金。不足十五年的，可以继续缴费到满十五年再按月领取，也可以转入城乡居民养老保险，按国务院规定享受相应待遇。换城市工作的，养老保险关系随本人转移，缴费年限累计计算。',
    steps: [
      '在社保 App 或 12333 查询累计缴费年限',
      '不足十五年的，咨询当地社保经办机构续缴办法',
      '跨地区工作过的，办理养老保险关系转移',
    ],
    en: {
      answer:
        'With basic pension insurance you receive a monthly pension at the statutory retirement age if you have contributed for at least 15 years in total. With less, you may keep contributing until 15 years or transfer to the urban-rural residents’ scheme. When you change cities, your pension record moves with you and the years add up.',
      steps: [
        'Check your total years of contributions online or via 12333',
        'If short of 15 years, ask the local social insurance office how to continue',
        'Transfer your pension record if you worked in several places',
      ],
    },
    cite: [socialInsuranceLaw(16), socialInsuranceLaw(19), socialInsuranceLaw(10)],
  },
  {
    id: 'social-insurance-transfer',
    topic: 'social-insurance',
    ask: ['换城市工作社保怎么转', '社保能不能转到老家', '在外地交的社保回老家还算吗', '离职后社保怎么办'],
    answer:
      '跨统筹地区就业的，基本养老保险关系和基本医疗保险关系都随本人转移，缴费年限累计计算；退休时养老金分段计算、统一支付。离职时原单位应当在十五日内为你办理社会保险关系转移手续。',
    steps: [
      '离职时要求单位出具离职证明、办理社保转移手续',
      '到新参保地的社保经办机构或通过国家社会保险公共服务平台申请转移',
      '保留各地的缴费记录',
    ],
    cite: [socialInsuranceLaw(19), socialInsuranceLaw(32), laborContractLaw(50)],
  },
  {
    id: 'unemployment-benefit',
    topic: 'social-insurance',
    ask: ['失业金怎么领', '被辞退了能领失业保险吗', '自己辞职能不能领失业金', '失业保险金能领多久'],
    askEn: ['can i get unemployment benefit', 'how long can i receive unemployment insurance'],
    answer:
      '领取失业保险金要同时满足：失业前单位和本人已缴纳失业保险费满一年；非因本人意愿中断就业（如被辞退、合同到期单位不续签）；已经办理失业登记并有求职要求。累计缴费一到五年最长领12个月，五到十年最长18个月，十年以上最长24个月。领取期间的职工医保费由失业保险基金代缴，个人不缴。',
    steps: [
      '让单位出具解除或终止劳动合同的证明',
      '到公共就业服务机构办理失业登记',
      '凭失业登记和身份证明到社保经办机构申领',
    ],
    en: {
      answer:
        'You can receive unemployment benefit if you and your employer paid unemployment insurance for at least a year, you lost the job against your will (dismissed, contract not renewed), and you have registered as unemployed and are looking for work. With 1–5 years of contributions it lasts up to 12 months, 5–10 years up to 18, 10 years or more up to 24. Medical insurance is paid for you meanwhile.',
      steps: [
        'Get a termination certificate from the employer',
        'Register as unemployed at the public employment service',
        'Apply at the social insurance office with that registration and your ID',
      ],
    },
    cite: [socialInsuranceLaw(45), socialInsuranceLaw(46), socialInsuranceLaw(48), socialInsuranceLaw(50)],
  },
  {
    id: 'medical-insurance-reimbursement',
    topic: 'social-insurance',
    ask: ['住院医保能报销多少', '医保报销在哪里报', '哪些医疗费医保不报', '被人打伤了医保能报吗'],
    answer:
      '符合基本医疗保险药品目录、诊疗项目、医疗服务设施标准以及急诊、抢救的医疗费用，按国家规定从医保基金支付，具体比例和起付线按当地规定。应当由工伤保险支付、应当由第三人负担、由公共卫生负担以及在境外就医的费用，医保不支付；第三人不支付或无法确定的，医保基金先行支付后再追偿。',
    steps: [
      '在参保地定点医院就医时直接刷医保卡或电子医保凭证结算',
      '异地就医先办理异地就医备案',
      '报销比例和材料问当地医疗保障部门',
    ],
    cite: [socialInsuranceLaw(28), socialInsuranceLaw(30), socialInsuranceLaw(26)],
  },
  {
    id: 'maternity-insurance',
    topic: 'social-insurance',
    ask: ['生育津贴怎么领', '生育保险报销什么', '产假期间工资谁发', '单位没交生育保险怎么办'],
    askEn: ['maternity allowance'],
    answer:
      '生育保险由单位缴纳，职工个人不缴。单位已缴纳的，职工享受生育医疗费用和生育津贴；女职工产假期间按规定领取生育津贴，标准按所在单位上年度职工月平均工资计发。单位未参保的，由单位按原工资标准支付产假工资和生育费用。',
    steps: [
      '产前确认单位是否为你缴纳了生育保险',
      '生育后按当地规定申领生育医疗费用和生育津贴',
      '单位不办的，向社保经办机构或劳动保障监察反映',
    ],
    cite: [
      socialInsuranceLaw(53),
      socialInsuranceLaw(54),
      socialInsuranceLaw(56),
      { law: '女职工劳动保护特别规定', article: 8 },
    ],
  },
  {
    id: 'death-benefits',
    topic: 'social-insurance',
    ask: [
      '家人去世了社保有什么待遇',
      '丧葬费抚恤金怎么领',
      '因工死亡家属能拿到什么',
      '去世后养老保险个人账户的钱怎么办',
    ],
    answer:
      '参加养老保险的人因病或非因工死亡的，遗属可以领取丧葬补助金和抚恤金；养老保险个人账户余额可以继承。因工死亡的，近亲属从工伤保险基金领取丧葬补助金、供养亲属抚恤金和一次性工亡补助金。',
    steps: [
      '准备死亡证明、户口注销证明和亲属关系证明',
      '到参保地社保经办机构申领',
      '因工死亡的，先申请工伤认定',
    ],
    cite: [socialInsuranceLaw(17), socialInsuranceLaw(14), injuryRegs(39)],
  },
  {
    id: 'not-work-injury',
    topic: 'injury',
    ask: ['喝酒后受伤算工伤吗', '什么情况不能认定工伤', '打架受伤算不算工伤'],
    answer:
      '即使发生在工作中，因故意犯罪、醉酒或者吸毒、自残或者自杀造成的伤亡，不得认定为工伤或视同工伤。其他情况要看是否在工作时间、工作场所、因工作原因，由社会保险行政部门认定。',
    steps: [
      '保留事故经过的证据和证人',
      '对认定结论不服的，可以依法申请行政复议或提起行政诉讼',
      '拨打 12333 咨询',
    ],
    cite: [injuryRegs(16), injuryRegs(14)],
  },
  {
    id: 'social-insurance-records',
    topic: 'social-insurance',
    ask: ['怎么查自己的社保交了没有', '社保缴费记录在哪查', '公司说交了社保但我查不到'],
    askEn: ['how do i check my social insurance record'],
    answer:
      '缴纳社保的个人有权查询缴费记录和个人权益记录，要求社保经办机构提供社会保险咨询等服务。单位应当按月把缴纳社保费的明细告知本人。查不到缴费的，可以要求单位补缴并投诉。',
    steps: [
      '通过当地社保 App、国家社会保险公共服务平台或 12333 查询',
      '打印缴费记录作为证据',
      '单位未缴的，向社会保险费征收机构或劳动保障监察投诉',
    ],
    en: {
      answer:
        'You have the right to check your contribution and benefit records and to get advice from the social insurance agency. Your employer must tell you each month what it paid. If nothing shows, ask the employer to pay and complain.',
      steps: [
        'Check via the local social insurance app, the national public service platform or 12333',
        'Print the record as evidence',
        'Complain to the collection agency or labour inspection if contributions are missing',
      ],
    },
    cite: [socialInsuranceLaw(4), socialInsuranceLaw(60), socialInsuranceLaw(63)],
  },
];
