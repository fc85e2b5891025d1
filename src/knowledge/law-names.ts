// Citations use a statute's short name. Most titles shorten by dropping the state prefix; the
// long Supreme People's Court interpretations get the short names lawyers use for them.

const PREFIX = /^中华人民共和国/;

const SHORT_NAMES: Record<string, string> = {
  '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）': '劳动争议司法解释（一）',
  最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释: '拒不支付劳动报酬刑事案件解释',
};

export function shortLawName(title: string): string {
  const plain = title.trim().replace(PREFIX, '');
  return SHORT_NAMES[plain] ?? plain;
}

/**
 * Other names people type for a statute ("劳动合同法第三十条", "社保法"), for direct article
 * look-ups. Keys are what people write, values the short name.
 */
export const LAW_ALIASES: Record<string, string> = {
  合同法: '劳动合同法',
  劳动合同法实施细则: '劳动合同法实施条例',
  社保法: '社会保险法',
  仲裁法: '劳动争议调解仲裁法',
  调解仲裁法: '劳动争议调解仲裁法',
  劳动仲裁法: '劳动争议调解仲裁法',
  年休假条例: '职工带薪年休假条例',
  带薪年休假条例: '职工带薪年休假条例',
  年休假实施办法: '企业职工带薪年休假实施办法',
  农民工工资条例: '保障农民工工资支付条例',
  农民工工资支付条例: '保障农民工工资支付条例',
  监察条例: '劳动保障监察条例',
  女职工特别规定: '女职工劳动保护特别规定',
  劳动争议司法解释一: '劳动争议司法解释（一）',
  劳动争议司法解释: '劳动争议司法解释（一）',
  'labor contract law': '劳动合同法',
  'labour contract law': '劳动合同法',
  'labor law': '劳动法',
  'labour law': '劳动法',
  'social insurance law': '社会保险法',
  'trade union law': '工会法',
};

/**
 * The statutes the project's answers rest on (short names, as in ../shared/data/laws). Card
 * citations are checked against these when no statute text is imported.
 */
export const KNOWN_LAWS: readonly string[] = [
  '劳动合同法',
  '劳动合同法实施条例',
  '劳动法',
  '劳动争议调解仲裁法',
  '社会保险法',
  '工伤保险条例',
  '保障农民工工资支付条例',
  '劳动保障监察条例',
  '工资支付暂行规定',
  '职工带薪年休假条例',
  '企业职工带薪年休假实施办法',
  '女职工劳动保护特别规定',
  '工会法',
  '浙江省工会劳动法律监督条例',
  '劳动争议司法解释（一）',
  '拒不支付劳动报酬刑事案件解释',
  '安全生产法',
  '关于职工全年月平均工作时间和工资折算问题的通知',
];
