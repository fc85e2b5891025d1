import type { Card } from '../card.js';
import { injuryRegs, laborContractLaw, laborLaw, socialInsuranceLaw, workSafetyLaw } from './cite.js';

export const insuranceInjuryCards: Card[] = [
  {
    id: 'social-insurance-required',
    topic: 'social-insurance',
    ask: [
      '公司不给交社保合法吗',
      '老板说社保自愿可以不交',
      '五险一金是必须交的吗',
      '签了自愿放弃社保的协议有效吗',
      '入职多久要交社保',
    ],
    askEn: ['my employer does not pay social insurance', 'is social insurance compulsory'],
    answer:
      '参加社会保险、缴纳社保费是用人单位和劳动者的法定义务，不能约定“自愿放弃”。单位应当自用工之日起三十日内为你办理社保登记，按时足额缴纳；你个人应缴的部分由单位代扣代缴。单位不缴的，你可以要求补缴，也可以以此为由解除合同并要求经济补偿。',
    steps: [
      '在当地社保网站、App 或拨打 12333 查询缴费记录',
      '书面要求单位补缴',
      '向社会保险费征收机构或劳动保障监察投诉',
    ],
    en: {
      answer:
        'Social insurance is compulsory for employer and worker; “voluntarily giving it up” is not valid. The employer must register you within 30 days of starting and pay contributions in full on time, deducting your share from your wages. If it does not, you can demand back payments, or resign and claim severance.',
      steps: [
        'Check your contribution record online or by calling 12333',
        'Ask the employer in writing to pay the arrears',
        'Complain to the social insurance collection agency or labour inspection',
      ],
    },
    cite: [socialInsuranceLaw(58), socialInsuranceLaw(60), laborLaw(72), laborContractLaw(38)],
  },
  {
    id: 'social-insurance-arrears',
    topic: 'social-insurance',
    ask: ['社保断缴了怎么办', '公司欠缴社保怎么投诉', '社保交的基数太低'],
    answer:
      '单位未按时足额缴纳社保的，由社会保险费征收机构责令限期缴纳或补足，并按日加收万分之五的滞纳金；逾期不缴的，还可以查询、划拨其账户，或申请法院查封、拍卖财产抵缴。你有权查询自己的缴费记录。',
    steps: ['查询并打印个人缴费记录', '向社会保险费征收机构（税务）或人社部门投诉', '同时可以要求单位补缴'],
    cite: [socialInsuranceLaw(63), socialInsuranceLaw(86), socialInsuranceLaw(4)],
  },
  {
    id: 'work-injury-what-counts',
    topic: 'injury',
    ask: [
      '什么情况算工伤',
      '工伤是怎么认定的',
      '上下班路上出车祸算工伤吗',
      '送外卖的路上摔伤了算工伤吗',
      '干活时被砸伤能不能认定工伤',
      '在单位突发疾病算不算工伤',
    ],
    askEn: ['what counts as a work injury', 'is a commuting accident a work injury'],
    answer:
      '在工作时间和工作场所内因工作原因受伤、因履行工作职责受到暴力伤害、患职业病、因工外出期间因工作原因受伤，以及在上下班途中受到非本人主要责任的交通事故伤害，都应当认定为工伤。在工作时间和岗位上突发疾病死亡或48小时内抢救无效死亡的，视同工伤。',
    steps: [
      '先治疗，保留病历、诊断证明和事故现场照片、证人',
      '让单位在30日内申请工伤认定；单位不申请的，你或家属、工会可在1年内自己申请',
      '准备劳动关系证明、诊断证明和工伤认定申请表',
    ],
    en: {
      answer:
        'A work injury includes being hurt at work during working hours because of the work, violence suffered while doing your job, occupational disease, injury on a work trip, and a traffic accident on the way to or from work that was not mainly your fault. Sudden illness at work causing death on the spot or within 48 hours is treated as a work injury.',
      steps: [
        'Get treatment; keep medical records, photos of the scene and witnesses',
        'The employer should apply for recognition within 30 days; if not, you, your family or the union can apply within 1 year',
        'Prepare proof of employment, the diagnosis and the application form',
      ],
    },
    cite: [injuryRegs(14), injuryRegs(15), injuryRegs(17)],
  },
  {
    id: 'work-injury-how-to-apply',
    topic: 'injury',
    ask: ['工伤认定怎么申请', '公司不给我申请工伤怎么办', '工伤认定要准备什么材料', '工伤认定多久出结果'],
    askEn: ['how do i apply for work injury recognition', 'my employer will not report my injury'],
    answer:
      '单位应当自事故发生之日起30日内向社会保险行政部门申请工伤认定。单位不申请的，受伤职工或近亲属、工会组织可以在事故发生之日起1年内直接申请。材料：工伤认定申请表、劳动关系证明（包括事实劳动关系）、医疗诊断证明。社保部门受理后60日内作出认定决定。',
    steps: [
      '向单位书面要求申请工伤认定',
      '单位拖着不办，自己到当地人社部门（社会保险行政部门）申请',
      '同时保存劳动关系和受伤经过的证据',
    ],
    en: {
      answer:
        'The employer must apply to the social insurance authority within 30 days of the accident. If it does not, the injured worker, close relatives or the union may apply directly within 1 year. You need the application form, proof of employment (including de facto employment) and a medical diagnosis. A decision is due within 60 days of acceptance.',
      steps: [
        'Ask the employer in writing to apply',
        'If it does not, apply yourself at the local HR and social security bureau',
        'Keep proof of employment and of how the injury happened',
      ],
    },
    cite: [injuryRegs(17), injuryRegs(18), injuryRegs(20)],
  },
  {
    id: 'work-injury-benefits',
    topic: 'injury',
    ask: ['工伤期间工资照发吗', '工伤医药费谁出', '停工留薪期有多长', '工伤赔偿包括哪些'],
    answer:
      '工伤治疗的医疗费、康复费、住院伙食补助、辅助器具等，按规定从工伤保险基金支付；停工留薪期内原工资福利待遇不变，由单位按月支付，停工留薪期一般不超过12个月。伤残的，经劳动能力鉴定后按等级享受一次性伤残补助金等待遇。',
    steps: ['保留所有医疗票据', '伤情稳定后申请劳动能力鉴定', '按鉴定等级向社保经办机构和单位申领待遇'],
    en: {
      answer:
        'Treatment, rehabilitation, hospital food allowance and aids are paid by the work-injury fund. During the paid leave for treatment (normally up to 12 months) your wages and benefits stay the same, paid monthly by the employer. After a disability assessment you receive benefits by grade.',
      steps: [
        'Keep every medical receipt',
        'Apply for a work-capacity assessment when your condition is stable',
        'Claim benefits from the fund and the employer by grade',
      ],
    },
    cite: [injuryRegs(30), injuryRegs(33), socialInsuranceLaw(38), socialInsuranceLaw(39)],
  },
  {
    id: 'work-injury-no-insurance',
    topic: 'injury',
    ask: ['公司没给我交工伤保险受伤了怎么办', '没有社保出了工伤谁赔', '老板说没买保险工伤不管'],
    answer:
      '单位应当参加工伤保险而没有参加的，职工发生工伤后，由单位按工伤保险待遇项目和标准支付费用。单位不支付的，可以从工伤保险基金中先行支付，再由基金向单位追偿。没交保险不影响你申请工伤认定。',
    steps: ['照样申请工伤认定', '认定后要求单位按标准支付待遇', '单位不付的，申请先行支付或申请仲裁'],
    cite: [injuryRegs(62), socialInsuranceLaw(41), injuryRegs(17)],
  },
  {
    id: 'work-capacity-assessment',
    topic: 'injury',
    ask: ['劳动能力鉴定怎么申请', '伤残等级怎么评', '工伤以后落下残疾怎么办'],
    answer:
      '工伤经治疗伤情相对稳定后存在残疾、影响劳动能力的，由单位、工伤职工或近亲属向设区的市级劳动能力鉴定委员会申请劳动能力鉴定，提交工伤认定决定和医疗资料。',
    steps: ['拿到工伤认定决定书', '准备病历、诊断证明等材料', '向市级劳动能力鉴定委员会提出申请'],
    cite: [injuryRegs(23), injuryRegs(21)],
  },
  {
    id: 'rider-occupational-injury',
    topic: 'platform',
    ask: [
      '外卖骑手受伤了算工伤吗',
      '众包骑手送餐出事故谁赔',
      '骑手有没有职业伤害保障',
      '平台骑手跑单摔伤了怎么办',
    ],
    askEn: [
      'i am a delivery rider and got injured on the job',
      'do platform riders get work injury protection',
    ],
    answer:
      '如果你和站点、配送公司之间存在劳动关系（包括没签合同的事实劳动关系），送餐途中因工作原因受伤可以申请工伤认定。不构成劳动关系的平台骑手，部分省市正在试点新就业形态就业人员职业伤害保障，由平台按单缴费，骑手受伤可以申请职业伤害确认和待遇；各地办法不同。无论哪种，都先就医并保留证据。',
    steps: [
      '先就医，保留病历、订单记录、App 截图和事故证明',
      '问清自己与谁签约：配送站点、外包公司还是平台',
      '拨打 12333 问当地是否有职业伤害保障，或找工会（12351）帮你判断和申请',
    ],
    en: {
      answer:
        'If you have an employment relationship with the delivery station or contractor (even without a written contract), an on-the-job injury can be recognised as a work injury. For platform riders without one, some provinces are piloting occupational-injury protection paid by the platform per order, under which you can claim; schemes differ by place. Either way, get treatment and keep evidence first.',
      steps: [
        'Get treatment; keep records, order history, app screenshots and the accident report',
        'Find out who you signed with: station, contractor or platform',
        'Call 12333 about local protection schemes, or the union on 12351 for help',
      ],
    },
    cite: [injuryRegs(14), laborContractLaw(7), socialInsuranceLaw(36)],
  },
  {
    id: 'dangerous-work-refusal',
    topic: 'safety',
    ask: ['老板让我冒险干活可以拒绝吗', '工地没有安全措施能不能不干', '遇到危险能不能停工撤离'],
    askEn: ['can i refuse dangerous work'],
    answer:
      '从业人员有权拒绝违章指挥和强令冒险作业；发现直接危及人身安全的紧急情况时，有权停止作业或采取应急措施后撤离。单位不得因此降低工资福利或解除合同。强令冒险作业危及人身安全的，你可以立即解除劳动合同。',
    steps: ['先保证自身安全，立即撤离危险场所', '拍照留存危险情况，记下指挥人', '向应急管理部门或工会举报'],
    en: {
      answer:
        'You have the right to refuse unlawful orders and forced risky work, and to stop work and leave when there is an immediate danger to your safety. The employer may not cut your pay or dismiss you for it, and being forced into dangerous work lets you end the contract at once.',
      steps: [
        'Get to safety first',
        'Take photos and note who gave the order',
        'Report it to the emergency management authority or the union',
      ],
    },
    cite: [workSafetyLaw(54), workSafetyLaw(55), laborContractLaw(38)],
  },
  {
    id: 'medical-and-pension-rights',
    topic: 'social-insurance',
    ask: ['农民工能交社保吗', '灵活就业人员怎么交社保', '骑手自己怎么交养老保险'],
    answer:
      '进城务工的农村居民依法参加社会保险。没有在用人单位参保的非全日制从业人员和其他灵活就业人员，可以自己到社保经办机构登记，直接缴纳基本养老保险和基本医疗保险费。',
    steps: [
      '带身份证到当地社保经办机构或通过官方 App 办理灵活就业参保登记',
      '咨询 12333 了解缴费档次',
      '保留缴费凭证',
    ],
    cite: [socialInsuranceLaw(10), socialInsuranceLaw(23), socialInsuranceLaw(95)],
  },
];
