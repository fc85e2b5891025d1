import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/platform/paths.js';
import { createTestApp, type TestApp, tempDir } from '../helpers/test-app.js';
import { createOffices, createStaff, loginBearer } from '../staff/staff-fixtures.js';

// The small 劳动法 fixture and its three cards, copied so a test may look at the folder after.
const FIXTURE_LAWS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'laws');
const FIXTURE_CARDS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'cards');

export interface ConsoleApp extends TestApp {
  cardsDir: string;
  /** Bearer headers of a knowledge-role (legal) staff member and of an agent. */
  legal: Record<string, string>;
  agent: Record<string, string>;
}

export async function createConsoleApp(): Promise<ConsoleApp> {
  const cardsDir = tempDir('gongyou-cards-');
  for (const name of fs.readdirSync(FIXTURE_CARDS))
    fs.copyFileSync(path.join(FIXTURE_CARDS, name), path.join(cardsDir, name));
  const t = await createTestApp({ KNOWLEDGE_DIR: FIXTURE_LAWS, KNOWLEDGE_CARDS_DIR: cardsDir });
  const offices = await createOffices(t.app);
  await createStaff(t.app, 'legal.a', 'knowledge', offices.a);
  await createStaff(t.app, 'agent.a', 'agent', offices.a);
  return {
    ...t,
    cardsDir,
    legal: await loginBearer(t.app, 'legal.a'),
    agent: await loginBearer(t.app, 'agent.a'),
    async close() {
      await t.close();
      fs.rmSync(cardsDir, { recursive: true, force: true });
    },
  };
}
