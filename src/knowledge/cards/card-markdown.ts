import type { Card, CardText } from '../card.js';

// The Markdown file of a card, as parse-card-file.ts reads it: used to convert the cards once and
// to export them; writing then reading a card gives the same card (test/knowledge/card-files.test.ts).

function section(language: 'zh' | 'en', text: CardText): string[] {
  return [
    `## ${language}`,
    text.lead,
    ...(text.more ? ['', '### more', text.more] : []),
    '',
    '### steps',
    ...text.steps.map((step, i) => `${i + 1}. ${step}`),
  ];
}

const items = (key: string, values: readonly string[]) => [
  `${key}:`,
  ...values.map((value) => `  - ${value}`),
];

export function cardToMarkdown(card: Card): string {
  const front = [
    `id: ${card.id}`,
    `topic: ${card.topic}`,
    `cite: [${card.cite.map((ref) => `${ref.law} ${ref.article}`).join(', ')}]`,
    ...(card.offerReport ? ['offerReport: true'] : []),
    `reviewed: ${card.reviewed}`,
    `author: ${card.author}`,
    ...items('asks', card.ask),
    ...(card.askEn?.length ? items('asksEn', card.askEn) : []),
  ];
  const body = [...section('zh', card.zh), ...(card.en ? ['', ...section('en', card.en)] : [])];
  return ['---', ...front, '---', ...body, ''].join('\n');
}
