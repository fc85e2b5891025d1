import type { Card } from '../card.js';
import { contractCards } from './contracts.js';
import { hoursLeaveCards } from './hours-leave.js';
import { insuranceInjuryCards } from './insurance-injury.js';
import { processCards } from './process.js';
import { socialBenefitCards } from './social-benefits.js';
import { specialWorkCards } from './special-work.js';
import { terminationCards } from './termination.js';
import { wageCards } from './wages.js';

/** Every knowledge card the project has written, in topic order. */
export const CARDS: readonly Card[] = [
  ...wageCards,
  ...hoursLeaveCards,
  ...contractCards,
  ...terminationCards,
  ...insuranceInjuryCards,
  ...socialBenefitCards,
  ...specialWorkCards,
  ...processCards,
];
