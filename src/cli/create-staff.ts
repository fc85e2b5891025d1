// npm run staff:create -- --username admin --name "管理员" [--role admin] [--office <region code|name|code>] [--sub-offices]
// Creates a staff account (the first admin after installing). --office takes a GB/T 2260 code
// (310104), an office name (上海市徐汇区总工会) or code (acftu, the default); --sub-offices lets the
// account see and work every office below its own (the national admin needs it to see any case).
// The password comes from STAFF_PASSWORD or is asked for on the terminal, never an argument.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { buildApp } from '../app.js';
import { findOffice } from '../offices/find-office.js';
import { loadConfig } from '../platform/config/config.js';
import { DomainError } from '../platform/domain-error.js';
import { HttpError } from '../platform/http/error-handler.js';
import { isRole } from '../staff/roles.js';

const { values } = parseArgs({
  options: {
    username: { type: 'string', default: 'admin' },
    name: { type: 'string' },
    role: { type: 'string', default: 'admin' },
    office: { type: 'string', default: 'acftu' },
    'sub-offices': { type: 'boolean', default: false },
  },
});

async function readPassword(): Promise<string> {
  if (process.env.STAFF_PASSWORD) return process.env.STAFF_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const answer = await rl.question('Password (at least 10 characters): ');
  rl.close();
  return answer.trim();
}

async function main(): Promise<number> {
  if (!isRole(values.role)) {
    console.error('--role must be admin, supervisor, agent or knowledge');
    return 2;
  }
  const app = await buildApp(loadConfig({ ...process.env, LOG_LEVEL: 'warn' }));
  try {
    await app.ready();
    // The app seeds the directory on start, so every GB/T 2260 federation is there by now.
    const found = findOffice((await app.offices.directory()).offices.values(), values.office);
    if (!found.ok) {
      console.error(found.reason);
      return 1;
    }
    const office = found.value;
    const staff = await app.staffAccounts.create({
      username: values.username,
      displayName: values.name ?? values.username,
      password: await readPassword(),
      role: values.role,
      officeId: office.id,
      includeSubOffices: values['sub-offices'],
    });
    const reach = staff.includeSubOffices
      ? 'and every office below it'
      : 'only (add --sub-offices for the offices below)';
    console.info(
      `Created ${staff.role} "${staff.username}" for ${office.name} ${reach}. Sign in at /console.`,
    );
    return 0;
  } catch (err) {
    console.error(err instanceof DomainError || err instanceof HttpError ? err.message : err);
    return 1;
  } finally {
    await app.close();
  }
}

process.exitCode = await main();
