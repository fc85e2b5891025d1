import type { CardText } from '../card.js';

// A card's body: "## zh" (required) and "## en" (optional), each a lead paragraph, an optional
// "### more" and a "### steps" numbered list:
//   ## zh
//   按时足额发工资是用人单位的法定义务……
//   ### more
//   逾期不付的……
//   ### steps
//   1. 先把证据留好……

export interface CardBody {
  zh?: CardText;
  en?: CardText;
  problems: string[];
}

type Language = 'zh' | 'en';
type Part = 'lead' | 'more' | 'steps';

const STEP = /^\d+\.\s+(.*)$/;

interface Draft {
  lead: string[];
  more: string[];
  steps: string[];
}

function finish(draft: Draft, language: Language, problems: string[]): CardText | undefined {
  const lead = draft.lead.join('\n').trim();
  const more = draft.more.join('\n').trim();
  if (!lead) problems.push(`## ${language}: the lead (the paragraph under the heading) is missing`);
  if (!draft.steps.length) problems.push(`## ${language}: ### steps is missing or has no "1. …" lines`);
  if (!lead || !draft.steps.length) return undefined;
  return more ? { lead, more, steps: draft.steps } : { lead, steps: draft.steps };
}

/** The zh and en texts of a card body; `firstLine` is the body's line in the file, for problems. */
export function parseCardBody(body: string, firstLine: number): CardBody {
  const problems: string[] = [];
  const drafts: Partial<Record<Language, Draft>> = {};
  let language: Language | undefined;
  let part: Part = 'lead';

  body.split(/\r?\n/).forEach((line, i) => {
    const where = `line ${firstLine + i}`;
    const heading = /^(#{2,3})\s+(.+?)\s*$/.exec(line);
    if (heading?.[1] === '##') {
      const name = heading[2] ?? '';
      if (name !== 'zh' && name !== 'en') {
        problems.push(`${where}: unknown section "## ${name}" (## zh or ## en)`);
        language = undefined;
        return;
      }
      if (drafts[name]) problems.push(`${where}: ## ${name} is given twice`);
      language = name;
      part = 'lead';
      drafts[name] = { lead: [], more: [], steps: [] };
      return;
    }
    if (!line.trim()) {
      if (language && part !== 'steps') drafts[language]?.[part].push('');
      return;
    }
    if (!language) {
      problems.push(`${where}: text outside ## zh / ## en`);
      return;
    }
    const draft = drafts[language] as Draft;
    if (heading?.[1] === '###') {
      const name = heading[2] ?? '';
      if (name !== 'more' && name !== 'steps')
        problems.push(`${where}: unknown part "### ${name}" (more or steps)`);
      else part = name;
      return;
    }
    if (part === 'steps') {
      const step = STEP.exec(line.trim());
      if (step?.[1]) draft.steps.push(step[1].trim());
      else problems.push(`${where}: a step must read "1. …"`);
      return;
    }
    draft[part].push(line.trim());
  });

  if (!drafts.zh) problems.push('## zh: missing (every card answers in Chinese)');
  const zh = drafts.zh ? finish(drafts.zh, 'zh', problems) : undefined;
  const en = drafts.en ? finish(drafts.en, 'en', problems) : undefined;
  return { zh, en, problems };
}
