import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../src/platform/db/create-prisma.js';
import { tempDir } from '../helpers/test-app.js';

const run = promisify(execFile);

describe('npm run staff:create', () => {
  const dir = tempDir('gongyou-staff-cli-');
  const env = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, 'cli.db')}`,
    SEED_SAMPLE_DATA: 'false',
    STAFF_PASSWORD: 'correct horse battery',
    LOG_LEVEL: 'silent',
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const create = (...args: string[]) =>
    run('npx', ['tsx', 'src/cli/create-staff.ts', ...args], { env }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('takes the office by region code or name, with the scope flag, and lists what an ambiguous name could be', async () => {
    const national = await create(
      '--username',
      'admin',
      '--name',
      '管理员',
      '--office',
      'acftu',
      '--sub-offices',
    );
    expect(national.stdout).toContain('中华全国总工会 and every office below it');
    const byCode = await create('--username', 'xuhui.admin', '--office', '310104', '--sub-offices');
    expect(byCode.stdout).toContain('上海市徐汇区总工会');
    const byName = await create(
      '--username',
      'xuhui.li',
      '--role',
      'agent',
      '--office',
      '上海市徐汇区总工会',
    );
    expect(byName.stdout).toContain('only (add --sub-offices');
    const ambiguous = await create('--username', 'chaoyang', '--office', '朝阳区总工会');
    expect('code' in ambiguous && ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('北京市朝阳区总工会 (110105)');

    const prisma = await createPrisma(env.DATABASE_URL);
    try {
      const rows = await prisma.staff.findMany({ orderBy: { username: 'asc' } });
      expect(rows.map((r) => [r.username, r.role, r.officeId, r.includeSubOffices])).toEqual([
        ['admin', 'admin', 'acftu', true],
        ['xuhui.admin', 'admin', 'region-310104', true],
        ['xuhui.li', 'agent', 'region-310104', false],
      ]);
    } finally {
      await prisma.$disconnect();
    }
  }, 120_000);
});
