import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStatutes } from '../../src/knowledge/statute-importer.js';
import { parseStatute } from '../../src/knowledge/statute-parser.js';
import { createTestApp, type TestApp, tempDir } from '../helpers/test-app.js';
import { HAS_SHARED_LAWS, LAWS_DIR } from './laws-dir.js';

describe('statute import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it.skipIf(!HAS_SHARED_LAWS)(
    'loads ../shared/data/laws one row per article, idempotently, and rebuilds the index',
    async () => {
      expect(t.app.knowledge.base.search('劳动合同法第三十条').direct).toEqual([]);
      const first = await t.app.knowledge.importDir(LAWS_DIR);
      const contract = first.files.find((f) => f.law === '劳动合同法');
      expect(contract).toMatchObject({ articles: 98, created: 98, file: '劳动合同法(2012-12-28).md' });
      const row = await t.app.prisma.knowledgeDoc.findUniqueOrThrow({
        where: { law_article: { law: '劳动合同法', article: 82 } },
      });
      expect(row).toMatchObject({
        label: '第八十二条',
        lawTitle: '中华人民共和国劳动合同法',
        date: '2012-12-28',
      });
      expect(row.text).toContain('二倍的工资');
      expect(row.chapter).toBe('第七章 法律责任');
      // Later paragraphs belong to their article.
      const art14 = await t.app.prisma.knowledgeDoc.findUniqueOrThrow({
        where: { law_article: { law: '劳动合同法', article: 14 } },
      });
      expect(art14.text).toContain('连续工作满十年');
      const count = await t.app.prisma.knowledgeDoc.count();
      expect(count).toBe(first.files.reduce((n, f) => n + f.articles, 0));

      // The notice without 第X条 articles is reported, not half-imported.
      expect(first.problems).toEqual([
        {
          file: '关于职工全年月平均工作时间和工资折算问题的通知(2009-03-29).md',
          line: 1,
          reason: expect.stringContaining('no articles'),
        },
      ]);
      expect(t.app.knowledge.base.search('劳动合同法第三十条').direct[0]).toMatchObject({
        law: '劳动合同法',
        article: 30,
      });

      const again = await t.app.knowledge.importDir(LAWS_DIR);
      expect(again.files.every((f) => f.created === 0 && f.updated === 0 && f.deleted === 0)).toBe(true);
      expect(await t.app.prisma.knowledgeDoc.count()).toBe(count);
    },
  );

  it('rebuilds the index when another process (the kb:import CLI) changed the articles', async () => {
    expect(await t.app.knowledge.refreshIfChanged()).toBe(false);
    await t.app.prisma.knowledgeDoc.create({
      data: {
        law: '示例办法',
        lawTitle: '示例办法',
        article: 1,
        label: '第一条',
        text: '外卖骑手的示例条文。',
        sourceFile: 'x.md',
        hash: 'x',
      },
    });
    expect(t.app.knowledge.base.article({ law: '示例办法', article: 1 })).toBeUndefined();
    expect(await t.app.knowledge.refreshIfChanged()).toBe(true);
    expect(t.app.knowledge.base.article({ law: '示例办法', article: 1 })?.text).toContain('外卖骑手');
    await t.app.prisma.knowledgeDoc.deleteMany({ where: { law: '示例办法' } });
    await t.app.knowledge.rebuild();
  });

  it('skips a bad file with its file and line, imports the good ones, and applies edits', async () => {
    const dir = tempDir('gongyou-laws-');
    fs.writeFileSync(
      path.join(dir, '示例条例(2020-01-01).md'),
      '# 示例条例\n\n第一条 甲。\n\n第二条 乙。\n\n第三条 丙。\n',
    );
    fs.writeFileSync(
      path.join(dir, '坏文件(2020-01-01).md'),
      '# 坏文件\n\n第一条 甲。\n\n第三条 丙。\n\n第二条 乙。\n',
    );
    fs.writeFileSync(path.join(dir, '无标题.md'), '第一条 甲。\n');
    const report = await importStatutes(t.app.prisma, dir);
    expect(report.files.map((f) => f.law)).toEqual(['示例条例']);
    expect(report.problems).toEqual([
      { file: '坏文件(2020-01-01).md', line: 7, reason: expect.stringContaining('numbers must increase') },
      { file: '无标题.md', line: 1, reason: expect.stringContaining('title') },
    ]);
    expect(await t.app.prisma.knowledgeDoc.count({ where: { law: '坏文件' } })).toBe(0);

    // An edited file updates the changed article and removes the one that is gone.
    fs.writeFileSync(
      path.join(dir, '示例条例(2020-01-01).md'),
      '# 示例条例\n\n第一条 甲。\n\n第二条 乙（修改）。\n',
    );
    const edited = await importStatutes(t.app.prisma, dir);
    expect(edited.files[0]).toMatchObject({ created: 0, updated: 1, deleted: 1, unchanged: 1 });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports an unreadable article number with its line', () => {
    const result = parseStatute('x.md', '# 某法\n\n第一条 甲。\n第二三条 乙。\n');
    expect(result).toEqual({ ok: false, line: 4, reason: expect.stringContaining('第二三条') });
  });
});
