// npm run staff:create -- --username admin --name "管理员" [--role admin] [--office <id|code>] [--sub-offices]
// Creates a staff account (the first admin after installing). The password comes from
// STAFF_PASSWORD or is asked for on the terminal; it is never taken as an argument (shell history).
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { buildApp } from '../app.js';
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
    console.error('--role must be admin, supervisor or agent');
    return 2;
  }
  const app = await buildApp(loadConfig({ ...process.env, LOG_LEVEL: 'warn' }));
  try {
    await app.ready();
    const office = await app.prisma.unionOffice.findFirst({
      where: { OR: [{ id: values.office }, { code: values.office }] },
    });
    if (!office) {
      console.error(
        `No union office with id or code "${values.office}". Start the server once to seed offices.`,
      );
      return 1;
    }
    const staff = await app.staffAccounts.create({
      username: values.username,
      displayName: values.name ?? values.username,
      password: await readPassword(),
      role: values.role,
      officeId: office.id,
      includeSubOffices: values['sub-offices'],
    });
    console.info(`Created ${staff.role} "${staff.username}" for ${office.name}. Sign in at /console.`);
    return 0;
  } catch (err) {
    console.error(err instanceof DomainError || err instanceof HttpError ? err.message : err);
    return 1;
  } finally {
    await app.close();
  }
}

process.exitCode = await main();
