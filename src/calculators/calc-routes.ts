import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { HttpError } from '../platform/http/error-handler.js';
import { DEFAULT_LOCALE, type Locale, normalizeLocale } from '../platform/i18n/locales.js';
import { basisText, calculationText, figureLine, noteLine } from './calc-text.js';
import type { Calculation } from './calc-types.js';
import type { Calculators } from './calculator-service.js';
import { parseYuan, yuanDigits } from './money.js';

const ErrorSchema = Type.Object({ statusCode: Type.Integer(), error: Type.String(), message: Type.String() });
/** Yuan as text or a number: "6000", "6,500.50", 6000. */
const Yuan = Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Number({ minimum: 0 })]);
const Hours = Type.Number({ minimum: 0, maximum: 2000 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Common = { locale: Type.Optional(Type.String({ maxLength: 10 })) };

const ResultSchema = Type.Object({
  kind: Type.String(),
  totalFen: Type.Integer(),
  totalYuan: Type.String(),
  figures: Type.Array(
    Type.Object({
      key: Type.String(),
      fen: Type.Integer(),
      yuan: Type.String(),
      text: Type.String(),
      basis: Type.Object({ law: Type.String(), article: Type.Integer(), text: Type.String() }),
      inputs: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])),
    }),
  ),
  notes: Type.Array(Type.String()),
  averageWage: Type.Optional(
    Type.Object({
      city: Type.String(),
      year: Type.Integer(),
      monthlyFen: Type.Integer(),
      source: Type.String(),
    }),
  ),
  text: Type.String(),
});
const responses = { 200: ResultSchema, 400: ErrorSchema };

function fen(field: string, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseYuan(value);
  if (!parsed.ok) throw new HttpError(400, `${field}: ${parsed.reason}.`);
  return parsed.value;
}

const required = (field: string, value: string | number) => fen(field, value) as number;

/**
 * "What am I owed?" for the mini-program and the web (POST /api/calc/*): each figure with the
 * article it rests on and the inputs it used, in fen and in yuan, and the whole as text in the
 * worker's language. Nothing is stored: the worker's numbers stay theirs.
 */
export function calcRoutes(calculators: Calculators): FastifyPluginAsyncTypebox {
  return async (app) => {
    const render = (
      result: Calculation & {
        averageWage?: { city: string; year: number; monthlyFen: number; source: string };
      },
      localeTag?: string,
    ) => {
      const locale: Locale = normalizeLocale(localeTag) ?? DEFAULT_LOCALE;
      const t = app.t(locale);
      return {
        kind: result.kind,
        totalFen: result.totalFen,
        totalYuan: yuanDigits(result.totalFen),
        figures: result.figures.map((figure) => ({
          ...figure,
          yuan: yuanDigits(figure.fen),
          text: figureLine(t, figure, locale),
          basis: { ...figure.basis, text: basisText(t, figure) },
        })),
        notes: result.notes.map((note) => noteLine(t, note, locale)),
        ...(result.averageWage
          ? {
              averageWage: {
                city: result.averageWage.city,
                year: result.averageWage.year,
                monthlyFen: result.averageWage.monthlyFen,
                source: result.averageWage.source,
              },
            }
          : {}),
        text: calculationText(t, result, locale),
      };
    };

    app.post(
      '/api/calc/unpaid-wages',
      {
        schema: {
          tags: ['calc'],
          summary: 'Wages owed for a period (劳动法 第五十条)',
          body: Type.Object({
            monthlyWage: Yuan,
            months: Type.Integer({ minimum: 0, maximum: 240 }),
            days: Type.Optional(Type.Integer({ minimum: 0, maximum: 31 })),
            paid: Type.Optional(Yuan),
            ...Common,
          }),
          response: responses,
        },
      },
      async (request) => {
        const body = request.body;
        if (body.months === 0 && !body.days)
          throw new HttpError(400, 'months or days: the period has no length.');
        const result = calculators.unpaidWages({
          monthlyWageFen: required('monthlyWage', body.monthlyWage),
          months: body.months,
          days: body.days,
          paidFen: fen('paid', body.paid),
        });
        return render(result, body.locale);
      },
    );

    app.post(
      '/api/calc/overtime',
      {
        schema: {
          tags: ['calc'],
          summary: 'Overtime pay at 150% / 200% / 300% (劳动法 第四十四条; hourly = monthly / 21.75 / 8)',
          body: Type.Object({
            monthlyWage: Yuan,
            weekdayHours: Type.Optional(Hours),
            restDayHours: Type.Optional(Hours),
            holidayHours: Type.Optional(Hours),
            paid: Type.Optional(Yuan),
            ...Common,
          }),
          response: responses,
        },
      },
      async (request) => {
        const body = request.body;
        if (!body.weekdayHours && !body.restDayHours && !body.holidayHours) {
          throw new HttpError(400, 'weekdayHours, restDayHours or holidayHours: give the overtime hours.');
        }
        const result = calculators.overtime({
          monthlyWageFen: required('monthlyWage', body.monthlyWage),
          weekdayHours: body.weekdayHours,
          restDayHours: body.restDayHours,
          holidayHours: body.holidayHours,
          paidFen: fen('paid', body.paid),
        });
        return render(result, body.locale);
      },
    );

    app.post(
      '/api/calc/no-contract-double-pay',
      {
        schema: {
          tags: ['calc'],
          summary:
            'Double pay for months without a written contract (劳动合同法 第八十二条, at most 11 months)',
          body: Type.Object({
            monthlyWage: Yuan,
            monthsWithoutContract: Type.Integer({ minimum: 0, maximum: 600 }),
            ...Common,
          }),
          response: responses,
        },
      },
      async (request) => {
        const body = request.body;
        const result = calculators.noContractDoublePay({
          monthlyWageFen: required('monthlyWage', body.monthlyWage),
          monthsWithoutContract: body.monthsWithoutContract,
        });
        return render(result, body.locale);
      },
    );

    app.post(
      '/api/calc/severance',
      {
        schema: {
          tags: ['calc'],
          summary:
            'Economic compensation (劳动合同法 第四十七条, capped at 3× the local average wage, 12 years)',
          body: Type.Object({
            monthlyWage: Yuan,
            serviceMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 720 })),
            startedOn: Type.Optional(Day),
            endedOn: Type.Optional(Day),
            city: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            ...Common,
          }),
          response: responses,
        },
      },
      async (request) => {
        const body = request.body;
        const dated = body.startedOn !== undefined || body.endedOn !== undefined;
        if (dated === (body.serviceMonths !== undefined) || (dated && (!body.startedOn || !body.endedOn))) {
          throw new HttpError(400, 'Give either serviceMonths or both startedOn and endedOn.');
        }
        const service =
          body.startedOn && body.endedOn
            ? { startedOn: body.startedOn, endedOn: body.endedOn }
            : { serviceMonths: body.serviceMonths ?? 0 };
        const result = calculators.severance({
          monthlyWageFen: required('monthlyWage', body.monthlyWage),
          service,
          city: body.city,
        });
        return render(result, body.locale);
      },
    );
  };
}
