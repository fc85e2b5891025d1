import { DomainError } from '../platform/domain-error.js';
import { type AverageWage, averageWageForRegion, findAverageWage } from './average-wages.js';
import type { Calculation } from './calc-types.js';
import { type NoContractInput, noContractDoublePay } from './no-contract-double-pay.js';
import { type OvertimeInput, overtime } from './overtime.js';
import { type ServiceLength, serviceBetween, serviceOfMonths } from './service-length.js';
import { severance } from './severance.js';
import { type UnpaidWagesInput, unpaidWages } from './unpaid-wages.js';

/** Service length as a client gives it: months in all, or the first and last day of work. */
export type ServiceGiven = { serviceMonths: number } | { startedOn: string; endedOn: string };

export interface SeveranceRequest {
  monthlyWageFen: number;
  service: ServiceGiven;
  /** The city worked in, in words or as a GB/T 2260 code; unknown leaves the cap unchecked. */
  city?: string;
  /** Or the place's GB/T 2260 code (a district finds its city). */
  regionCode?: string;
}

/** The four calculators with the operator's average wage table; the one door for API and chat. */
export function createCalculators(deps: { averageWages: readonly AverageWage[] }) {
  const table = deps.averageWages;

  function serviceOf(given: ServiceGiven): ServiceLength {
    if ('serviceMonths' in given) return serviceOfMonths(given.serviceMonths);
    const span = serviceBetween(given.startedOn, given.endedOn);
    if (!span.ok) throw new DomainError('invalid', span.reason);
    return span.value;
  }

  return {
    averageWages: table,
    /** The table's entry for a city, or undefined when the table does not have it. */
    averageWageOf: (city: string): AverageWage | undefined => findAverageWage(table, city),
    /** The table's entry for a place code (a district is under its city). */
    averageWageIn: (regionCode: string): AverageWage | undefined => averageWageForRegion(table, regionCode),
    /** The smallest cap in the table: a wage at or under it is under every listed city's cap. */
    lowestCapFen: (): number => Math.min(...table.map((entry) => entry.monthlyFen * 3)),
    unpaidWages: (input: UnpaidWagesInput): Calculation => unpaidWages(input),
    overtime: (input: OvertimeInput): Calculation => overtime(input),
    noContractDoublePay: (input: NoContractInput): Calculation => noContractDoublePay(input),
    severance(request: SeveranceRequest): Calculation & { averageWage?: AverageWage } {
      const averageWage =
        (request.city ? findAverageWage(table, request.city) : undefined) ??
        (request.regionCode ? averageWageForRegion(table, request.regionCode) : undefined);
      const result = severance({
        monthlyWageFen: request.monthlyWageFen,
        service: serviceOf(request.service),
        averageWage,
      });
      return averageWage ? { ...result, averageWage } : result;
    },
  };
}

export type Calculators = ReturnType<typeof createCalculators>;
