import type { ArticleRef } from '../card.js';

// Short helpers so the cards read as law + article. Every article cited here was checked against
// the statute texts in ../shared/data/laws (test/knowledge/cards.test.ts checks it again).
const ref =
  (law: string) =>
  (article: number): ArticleRef => ({ law, article });

export const laborContractLaw = ref('劳动合同法');
export const laborContractRegs = ref('劳动合同法实施条例');
export const laborLaw = ref('劳动法');
export const disputeLaw = ref('劳动争议调解仲裁法');
export const socialInsuranceLaw = ref('社会保险法');
export const injuryRegs = ref('工伤保险条例');
export const migrantWageRegs = ref('保障农民工工资支付条例');
export const inspectionRegs = ref('劳动保障监察条例');
export const wagePaymentRules = ref('工资支付暂行规定');
export const annualLeaveRegs = ref('职工带薪年休假条例');
export const annualLeaveMeasures = ref('企业职工带薪年休假实施办法');
export const womenWorkersRules = ref('女职工劳动保护特别规定');
export const tradeUnionLaw = ref('工会法');
export const unionSupervisionZj = ref('浙江省工会劳动法律监督条例');
export const disputeInterpretation = ref('劳动争议司法解释（一）');
export const wageCrimeInterpretation = ref('拒不支付劳动报酬刑事案件解释');
export const workSafetyLaw = ref('安全生产法');
