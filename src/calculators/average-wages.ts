import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { fail, ok, type Result } from '../platform/result.js';

/**
 * A city's average monthly wage of the year before, the figure 劳动合同法 第四十七条 caps economic
 * compensation with. Published once a year by each city's human resources and statistics
 * bureaus: THE OPERATOR MUST KEEP THIS TABLE CURRENT (AVERAGE_WAGES_FILE replaces it), and the
 * worker is told which year and source each cap used.
 */
export const AverageWageSchema = Type.Object({
  /** The city as workers name it, and other names for it. */
  city: Type.String({ minLength: 1 }),
  aliases: Type.Array(Type.String({ minLength: 1 })),
  /** GB/T 2260 code of the city. */
  regionCode: Type.String({ pattern: '^\\d{6}$' }),
  /** The year the average is of (a 2024 dismissal in Shanghai uses the 2023 figure). */
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  monthlyFen: Type.Integer({ minimum: 1 }),
  source: Type.String({ minLength: 1 }),
});
export type AverageWage = Static<typeof AverageWageSchema>;
export const AverageWageTableSchema = Type.Array(AverageWageSchema, { minItems: 1 });

/**
 * The table shipped with the service. Checked by the operator before use: each figure must be
 * the one the city published for the year shown (全口径城镇单位就业人员平均工资), and replaced
 * each year when the next is published.
 */
export const SHIPPED_AVERAGE_WAGES: readonly AverageWage[] = [
  {
    city: '上海市',
    aliases: ['上海', 'shanghai'],
    regionCode: '310000',
    year: 2023,
    monthlyFen: 1_230_700,
    source: '上海市人力资源和社会保障局、上海市统计局：2023年度全市职工平均工资（全口径城镇单位就业人员）',
  },
  {
    city: '北京市',
    aliases: ['北京', 'beijing'],
    regionCode: '110000',
    year: 2023,
    monthlyFen: 1_176_100,
    source: '北京市人力资源和社会保障局、北京市统计局：2023年北京市全口径城镇单位就业人员平均工资',
  },
];

/** Read an operator's table (the AVERAGE_WAGES_FILE JSON), refusing one that does not fit. */
export function parseAverageWages(raw: unknown): Result<AverageWage[]> {
  if (Value.Check(AverageWageTableSchema, raw)) return ok(raw);
  const first = [...Value.Errors(AverageWageTableSchema, raw)][0];
  return fail(`average wage table invalid at ${first?.instancePath || '/'}: ${first?.message}`);
}

/** The entry for a city named in words ("上海", "Shanghai", "上海市") or by its code. */
export function findAverageWage(table: readonly AverageWage[], place: string): AverageWage | undefined {
  const said = place.trim().toLowerCase();
  if (!said) return undefined;
  return table.find(
    (entry) =>
      entry.regionCode === said ||
      entry.city === said ||
      entry.aliases.some((alias) => alias.toLowerCase() === said) ||
      said.includes(entry.city) ||
      entry.aliases.some((alias) => said.includes(alias.toLowerCase())),
  );
}

/** The entry covering a GB/T 2260 code: 310115 (浦东新区) is under 310000 (上海市). */
export function averageWageForRegion(table: readonly AverageWage[], code: string): AverageWage | undefined {
  return table.find((entry) => code.startsWith(entry.regionCode.replace(/(00)+$/, '')));
}
