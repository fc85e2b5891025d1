import type { Citation } from '../messages/messages.js';

/** The four sums a worker can ask about (issue 15, item 4). */
export const CALC_KINDS = ['unpaid-wages', 'overtime', 'no-contract-double-pay', 'severance'] as const;
export type CalcKind = (typeof CALC_KINDS)[number];

/**
 * One amount of a calculation, with the article it rests on and the inputs it used, so the
 * worker (and the staff member who reads it later) can check every figure by hand.
 */
export interface Figure {
  /** What the figure is, an i18n key under `calc:figure.` (unpaid, overtime150, double …). */
  key: string;
  fen: number;
  /** The article this figure rests on. */
  basis: Citation;
  /** The numbers the figure was computed from (fen for money, plain numbers otherwise). */
  inputs: Record<string, number | string>;
}

/** What a calculator returns: the figures, their total, and what the worker should know. */
export interface Calculation {
  kind: CalcKind;
  totalFen: number;
  figures: Figure[];
  /** Facts to tell the worker beside the figures: i18n keys under `calc:note.` with their values. */
  notes: { key: string; values?: Record<string, number | string> }[];
}

/** Law names as the knowledge cards cite them (knowledge/cards/*.md). */
export const LAW = {
  labor: '劳动法',
  contract: '劳动合同法',
} as const;
