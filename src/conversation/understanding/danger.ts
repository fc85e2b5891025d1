// Words that may mean someone is in danger. Recognition patterns only (the reply lives in
// locales/). The trained model decides whether the danger is now ("刚被车撞了 在流血") or past and
// asked about ("上个月被车撞了 算工伤吗"); these patterns are the safety net around it.

/** Self-harm: always treated as danger now, whatever the model says. */
const SELF_HARM =
  /跳楼|跳河|跳桥|轻生|自杀|自尽|寻死|不想活|活不下去|活着没意思|一了百了|割腕|上吊|喝农药|吃安眠药|结束(?:自己的)?生命|\b(?:suicid\w*|kill\s+(?:my|him|her)self|end\s+my\s+life|want\s+to\s+die|hurt\s+myself)\b/i;

/** Harm to the body, violence and threats: danger if now, a legal question if past. */
const HARM: RegExp[] = [
  /被打|打我(?!电话|手机|的电话)|打人|殴打|挨打|被砍|砍人|捅人|被捅|动刀|拿刀|持刀|要杀|杀了我|弄死|威胁我|恐吓|报复我|不让我走|把我关|被关起来|限制(?:我的?)?人身自由|绑架/,
  /被[^，。,.!?！？]{0,6}(?:打|揍|砍|捅|踢)(?:了|伤|成|得)/,
  /流血|出血|骨折|昏迷|晕倒|晕过去|不省人事|被车撞|撞伤|被撞了|出车祸|车祸|摔伤|摔断|砸伤|被砸|烧伤|烫伤|触电|中暑|受伤了|受了?重伤|伤得很重|救命/,
  /\b(?:bleeding|unconscious|(?:been|got|was)\s+(?:hit|beaten|attacked|stabbed|injured|hurt)|car\s+accident|threaten\w*|help\s+me\s+please|emergency)\b/i,
];

export function signalsSelfHarm(text: string): boolean {
  return SELF_HARM.test(text);
}

/** The message speaks of injury, violence or threats (now or past). */
export function mentionsHarm(text: string): boolean {
  return signalsSelfHarm(text) || HARM.some((pattern) => pattern.test(text));
}
