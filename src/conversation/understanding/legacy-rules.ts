// The hand-written intent rules the service started with. They now only back up the trained
// model (classifier/) where it is unsure, until the corpus covers every way workers write
// (issue 12); then they go. Recognition patterns, not user-facing text: replies live in locales/.
import type { IntentName } from './intent.js';

export interface IntentRule {
  intent: IntentName;
  /** Any match scores `weight`; several distinct matches add up (capped by the router). */
  patterns: RegExp[];
  weight: number;
}

/** Saying they want to file something, as opposed to asking about it. */
export const REPORT_VERB =
  /投诉|举报|反映|登记|申报|报案|我要(?:讨|要回)|帮我(?:讨|要)|\b(?:report|file\s+a\s+complaint|complain)\b/i;

/** Asking: "what should I do", "is it legal", a question mark. */
export const QUESTION_MARKER =
  /怎么办|怎么|咋办|如何|该不该|能不能|可不可以|可以吗|合法吗|违法吗|算不算|有没有|是否|吗[？?。!！]*$|[？?]|\b(?:what|how|can|should|is it)\b/i;

/** A phone number or "我叫…": the user is giving details for a report. */
export const PERSONAL_DETAILS = /1[3-9]\d(?:[\s-]?\d){8}|我叫|我的名字|my name is/i;

export const INTENT_RULES: IntentRule[] = [
  {
    intent: 'human',
    weight: 10,
    patterns: [
      /转人工|人工客服|人工服务|找人工|真人|找工作人员|工作人员|联系工会|找工会的人|客服/,
      /\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+)?(?:person|human|someone|staff|agent)\b|\bhuman\b|\b(?:live\s+)?agent\b/i,
    ],
  },
  {
    intent: 'ticket_status',
    weight: 8,
    patterns: [
      /查询?进度|查一?下?进度|进度查询|查询工单|工单(?:状态|进度)|投诉进度|处理到哪|处理得怎么样|查询编号/,
      /\b(?:ticket|case|complaint)\s+(?:status|progress)\b|\btrack(?:ing)?\b|\bcheck\s+(?:my\s+)?(?:ticket|case)\b/i,
    ],
  },
  {
    intent: 'arrears',
    weight: 6,
    patterns: [
      /(?:拖欠|欠|克扣|扣|不发|没发|不给|没给|不结|没结|拿不到|讨不到|要不到)(?:了|我|我们)?(?:[^，。,.!?！？]{0,8})?(?:工资|工钱|薪水|薪资|血汗钱|劳务费|报酬|提成|配送费|跑单费)/,
      /欠薪|讨薪|拖薪|欠款不还/,
      REPORT_VERB,
      /\b(?:unpaid|owed?|withheld|back)\s+(?:wages?|pay|salary)\b|\b(?:hasn'?t|not|never|didn'?t)\s+(?:been\s+)?paid\b|\breport\b|\bcomplain/i,
    ],
  },
  {
    intent: 'stations',
    weight: 6,
    patterns: [
      /驿站|服务站|爱心站|休息点|歇脚|户外劳动者/,
      /附近|周边|最近的?|哪里有|哪儿有|哪里能|哪儿能|去哪/,
      /充电|喝水|热水|热个?饭|热一下饭|加热|微波炉|厕所|洗手间|卫生间|休息|避暑|取暖|纳凉|换电/,
      /\b(?:rest\s*(?:station|stop|area)|nearby|nearest|charg(?:e|ing)|toilet|restroom|microwave|drinking\s+water|somewhere\s+to\s+rest)\b/i,
    ],
  },
  {
    intent: 'question',
    weight: 3,
    patterns: [
      /怎么办|怎么|咋办|如何|能不能|可不可以|可以吗|合法吗|违法吗|算不算|有没有|是否|多少|吗[？?]?$|呢[？?]?$|[？?]/,
      /工资|加班|合同|试用期|辞退|开除|炒鱿鱼|解雇|辞职|离职|裁员|社保|五险一金|公积金|工伤|赔偿|补偿|仲裁|劳动|年假|病假|产假|婚假|休息日|最低工资|派遣|兼职|骑手|外卖|平台|工会|一函两书|违约金|押金|罚款/,
      /\b(?:how|what|can|is|am|do|does|should|may|why|when|where)\b.*\?|\b(?:overtime|contract|dismiss(?:ed|al)?|fired|compensation|social\s+insurance|injur(?:y|ed)|arbitration|minimum\s+wage|leave|probation|labou?r\s+law|rights?)\b/i,
    ],
  },
  {
    intent: 'greeting',
    weight: 4,
    patterns: [
      /^(?:你好|您好|你好啊|哈喽|嗨|喂|在吗|在不在|有人吗|早上好|中午好|下午好|晚上好|早|hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening))[\s!！。.,，~～]*$/i,
    ],
  },
  {
    intent: 'help',
    weight: 5,
    patterns: [
      /^(?:菜单|帮助|功能|主菜单|返回|开始|重新开始|你能做什么|能做什么|你会什么|怎么用|使用说明)[\s!！。.?？]*$/,
      /^(?:menu|help|start|restart|what can you do\??|options)[\s!.]*$/i,
    ],
  },
];

/** The rules' reading: the highest-scoring intent, 'unknown' when none matches. */
export function legacyIntent(text: string): { name: IntentName; weight: number; reportAsQuestion?: true } {
  let best: { name: IntentName; weight: number } = { name: 'unknown', weight: 0 };
  for (const rule of INTENT_RULES) {
    const hits = rule.patterns.filter((pattern) => pattern.test(text)).length;
    if (!hits) continue;
    const score = rule.weight + (hits - 1) * (rule.weight / 2);
    if (score > best.weight) best = { name: rule.intent, weight: score };
  }
  // "老板拖欠我工资，我该怎么办？" without details or a wish to file: answered as a question.
  if (
    best.name === 'arrears' &&
    QUESTION_MARKER.test(text) &&
    !REPORT_VERB.test(text) &&
    !PERSONAL_DETAILS.test(text)
  ) {
    return { name: 'question', weight: best.weight, reportAsQuestion: true };
  }
  return best;
}
