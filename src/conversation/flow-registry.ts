import type { Flow, FlowContext, FlowResult } from './flow.js';
import type { IntentName } from './understanding/intent.js';

/**
 * Runs before the active flow and the intent router on every bot turn; returns a result to take
 * the turn (e.g. danger → emergency numbers and escalation), or undefined to let it pass.
 */
export type FlowGuard = (ctx: FlowContext) => Promise<FlowResult | undefined>;

/** Which flow handles which intent. Domain plugins register their flows at start. */
export class FlowRegistry {
  private readonly byName = new Map<string, Flow>();
  readonly guards: FlowGuard[] = [];
  private readonly byIntent = new Map<IntentName, Flow>();

  register(flow: Flow): void {
    if (this.byName.has(flow.name)) throw new Error(`flow ${flow.name} is registered twice`);
    this.byName.set(flow.name, flow);
    for (const intent of flow.intents) {
      const existing = this.byIntent.get(intent);
      if (existing) throw new Error(`intent ${intent} is claimed by ${existing.name} and ${flow.name}`);
      this.byIntent.set(intent, flow);
    }
  }

  registerGuard(guard: FlowGuard): void {
    this.guards.push(guard);
  }

  forIntent(intent: IntentName): Flow | undefined {
    return this.byIntent.get(intent);
  }

  byFlowName(name: string): Flow | undefined {
    return this.byName.get(name);
  }
}
