import type { EvidenceKind } from '../ticket-types.js';

const EVIDENCE: { kind: EvidenceKind; pattern: RegExp }[] = [
  { kind: 'contract', pattern: /合同|协议|contract/i },
  {
    kind: 'pay_records',
    pattern: /工资条|工资单|银行流水|流水|转账记录|收入记录|账单|欠条|结算单|pay ?slip|bank statement/i,
  },
  { kind: 'chat_logs', pattern: /聊天记录|微信记录|截图|录音|短信|chat (?:log|record)|screenshot/i },
  { kind: 'photos', pattern: /照片|拍照|图片|视频|photo|picture/i },
  { kind: 'attendance', pattern: /考勤|打卡|排班|接单记录|工作记录|attendance/i },
  { kind: 'witnesses', pattern: /证人|作证|工友都知道|witness/i },
];
const NO_EVIDENCE = /什么都没有|啥都没有|都没有|没有证据|没有任何|没证据|^没有$|^无$|no evidence|nothing/i;

/** Evidence held: 合同 → contract, 聊天记录/截图 → chat_logs … `none` when they say they have none. */
export function parseEvidence(text: string): { kinds: EvidenceKind[]; none: boolean } {
  const kinds = EVIDENCE.filter((e) => e.pattern.test(text)).map((e) => e.kind);
  return { kinds, none: !kinds.length && NO_EVIDENCE.test(text.trim()) };
}

const WANTS: { code: string; pattern: RegExp }[] = [
  {
    code: 'recover_wages',
    pattern:
      /要回|追回|拿回|讨回|结清|把工资(?:给|发)|发工资|给钱|要钱|补发|pay me|get (?:my )?(?:wages|money) back/i,
  },
  { code: 'compensation', pattern: /赔偿|补偿|赔钱|双倍|compensation/i },
  { code: 'social_insurance', pattern: /补缴社保|交社保|缴社保|社保/ },
  { code: 'arbitration', pattern: /仲裁|起诉|打官司|法律援助|arbitration|lawyer/i },
  { code: 'mediation', pattern: /调解|协调|帮忙沟通|mediat/i },
];

/** What the worker wants, as codes the union understands (free text is kept beside them). */
export function parseWants(text: string): string[] {
  return WANTS.filter((w) => w.pattern.test(text)).map((w) => w.code);
}

const VULNERABLE =
  /怀孕|孕妇|怀着孩子|残疾|残障|未成年|童工|十[五六七]岁|六十多岁|七十|老人|住院|生病|重病|受伤|工伤|没钱吃饭|没饭吃|吃不上饭|回不了家|交不起|pregnan|disab|injur|hospital/i;

/** A worker the union should reach first: pregnant, disabled, a minor, injured, in hardship. */
export function parseVulnerable(text: string): boolean {
  return VULNERABLE.test(text);
}

/** Several workers mentioned without a number: ask how many. */
export function mentionsGroup(text: string): boolean {
  return /我们|大家|工友们|兄弟们|一起|所有人|全部人|整个(?:站|队|工地)|\bwe\b|\bus\b/i.test(text);
}
