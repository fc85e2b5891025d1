import { articleLabel } from '../knowledge/chinese-numeral.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import type { Locale } from '../platform/i18n/locales.js';
import type { Calculation, Figure } from './calc-types.js';
import { yuanWords } from './money.js';

/** 《劳动法》第四十四条 (en: Labor Law, Article 44). */
export function basisText(t: Translate, figure: Pick<Figure, 'basis'>): string {
  return t('calc:basis', {
    law: t(`calc:law.${figure.basis.law}`, { defaultValue: figure.basis.law }),
    article: articleLabel(figure.basis.article),
    number: figure.basis.article,
  });
}

/** The figure's values as the worker reads them: money in yuan, the rest as given. */
function values(figure: Figure, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = { amount: yuanWords(Math.abs(figure.fen), locale) };
  for (const [name, value] of Object.entries(figure.inputs)) {
    if (name.endsWith('Fen') && typeof value === 'number') out[name.slice(0, -3)] = yuanWords(value, locale);
    else out[name] = value;
  }
  return out;
}

/** One line per figure: what it is, how it was reached, and the article it rests on. */
export function figureLine(t: Translate, figure: Figure, locale: Locale): string {
  return t('calc:line', {
    text: t(`calc:figure.${figure.key}`, values(figure, locale)),
    basis: basisText(t, figure),
  });
}

export function noteLine(t: Translate, note: Calculation['notes'][number], locale: Locale): string {
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(note.values ?? {})) {
    shown[name.endsWith('Fen') ? name.slice(0, -3) : name] =
      name.endsWith('Fen') && typeof value === 'number' ? yuanWords(value, locale) : value;
  }
  return t(`calc:note.${note.key}`, shown);
}

/** The whole calculation as text: figures, total, then what to know about it. */
export function calculationText(t: Translate, calculation: Calculation, locale: Locale): string {
  const lines = [t(`calc:title.${calculation.kind}`)];
  if (!calculation.figures.length) lines.push(t('calc:nothingOwed'));
  for (const figure of calculation.figures) lines.push(figureLine(t, figure, locale));
  lines.push(t('calc:total', { amount: yuanWords(calculation.totalFen, locale) }));
  for (const note of calculation.notes) lines.push(noteLine(t, note, locale));
  lines.push(t('calc:estimate'));
  return lines.join('\n');
}
