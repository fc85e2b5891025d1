import type { PersonaRun } from './drive-persona.js';

export interface IntakeScore {
  personas: number;
  tickets: number;
  routed: number;
  /** Tickets whose industry matched, of those whose persona expected one. */
  industry: { right: number; of: number };
  meanTurns: number;
  maxTurns: number;
  loops: number;
  openingsMissed: number;
  failures: { id: string; why: string }[];
}

/** The figures of a run: what a worker would notice (a ticket, the right office, no loops). */
export function scoreRuns(runs: PersonaRun[]): IntakeScore {
  const withTicket = runs.filter((r) => r.ticketNumber);
  const turns = withTicket.map((r) => r.turns);
  const expectingIndustry = withTicket.filter((r) => r.route?.industryOk !== undefined);
  const failures: { id: string; why: string }[] = [];
  for (const run of runs) {
    const why: string[] = [];
    if (run.failure) why.push(`${run.failure} (last question ${run.questions.at(-1) ?? '-'})`);
    if (run.loop) why.push(`asked ${run.loop} three times`);
    if (run.route && !run.route.placeOk) why.push(`routed to ${run.route.region || 'no region'}`);
    if (run.route?.industryOk === false)
      why.push(`industry ${run.route.industry}, expected ${run.route.expectedIndustry}`);
    if (why.length) failures.push({ id: run.id, why: why.join('; ') });
  }
  return {
    personas: runs.length,
    tickets: withTicket.length,
    routed: withTicket.filter((r) => r.route?.placeOk).length,
    industry: {
      right: expectingIndustry.filter((r) => r.route?.industryOk).length,
      of: expectingIndustry.length,
    },
    meanTurns: turns.length ? turns.reduce((a, b) => a + b, 0) / turns.length : 0,
    maxTurns: turns.length ? Math.max(...turns) : 0,
    loops: runs.filter((r) => r.loop).length,
    openingsMissed: runs.filter((r) => r.openingMissed).length,
    failures,
  };
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');

export function formatScore(file: string, score: IntakeScore): string {
  const lines = [
    `personas                 ${score.personas}  (${file})`,
    `tickets created          ${score.tickets}  ${pct(score.tickets, score.personas)}`,
    `routed to the district   ${score.routed}  ${pct(score.routed, score.personas)} of personas, ${pct(score.routed, score.tickets)} of tickets`,
    `industry as expected     ${score.industry.right}/${score.industry.of}`,
    `bot turns per ticket     mean ${score.meanTurns.toFixed(2)}, max ${score.maxTurns}`,
    `looping conversations    ${score.loops}`,
    `openings not taken as a report (had to tap "report")  ${score.openingsMissed}`,
  ];
  if (score.failures.length) {
    lines.push('failures:');
    for (const f of score.failures) lines.push(`  ${f.id}: ${f.why}`);
  }
  return lines.join('\n');
}
