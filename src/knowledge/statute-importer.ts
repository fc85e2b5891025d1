import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../platform/db/create-prisma.js';
import { type ParsedStatute, parseStatute } from './statute-parser.js';

export interface ImportedFile {
  file: string;
  law: string;
  articles: number;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export interface ImportProblem {
  file: string;
  line: number;
  reason: string;
}

export interface ImportReport {
  files: ImportedFile[];
  problems: ImportProblem[];
}

function hashArticle(law: string, article: number, text: string, chapter: string | undefined): string {
  return createHash('sha256')
    .update(`${law}|${article}|${chapter ?? ''}|${text}`)
    .digest('hex');
}

/**
 * Load every `*.md` statute in `dir` into KnowledgeDoc, one row per article. Idempotent: an
 * unchanged article is not written, a changed one is updated, one gone from the file is deleted.
 * A file that does not parse is reported (file and line) and skipped; the others still load.
 */
export async function importStatutes(prisma: Db, dir: string): Promise<ImportReport> {
  const report: ImportReport = { files: [], problems: [] };
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .sort();
  } catch (err) {
    report.problems.push({
      file: dir,
      line: 0,
      reason: `cannot read the directory: ${(err as Error).message}`,
    });
    return report;
  }
  const seen = new Map<string, string>();
  for (const name of names) {
    const parsed = parseStatute(name, fs.readFileSync(path.join(dir, name), 'utf8'));
    if (!parsed.ok) {
      report.problems.push({ file: name, line: parsed.line, reason: parsed.reason });
      continue;
    }
    const other = seen.get(parsed.value.law);
    if (other) {
      report.problems.push({
        file: name,
        line: 1,
        reason: `${parsed.value.law} was already imported from ${other}`,
      });
      continue;
    }
    seen.set(parsed.value.law, name);
    report.files.push(await saveStatute(prisma, name, parsed.value));
  }
  return report;
}

async function saveStatute(prisma: Db, file: string, statute: ParsedStatute): Promise<ImportedFile> {
  const { law } = statute;
  const result: ImportedFile = {
    file,
    law,
    articles: statute.articles.length,
    created: 0,
    updated: 0,
    deleted: 0,
    unchanged: 0,
  };
  await prisma.$transaction(async (tx) => {
    const existing = new Map(
      (
        await tx.knowledgeDoc.findMany({ where: { law }, select: { id: true, article: true, hash: true } })
      ).map((row) => [row.article, row]),
    );
    const fresh = [];
    for (const a of statute.articles) {
      const hash = hashArticle(law, a.article, a.text, a.chapter);
      const row = {
        law,
        lawTitle: statute.lawTitle,
        article: a.article,
        label: a.label,
        chapter: a.chapter ?? null,
        text: a.text,
        sourceFile: file,
        date: statute.date ?? null,
        hash,
      };
      const old = existing.get(a.article);
      existing.delete(a.article);
      if (!old) fresh.push(row);
      else if (old.hash !== hash) {
        await tx.knowledgeDoc.update({ where: { id: old.id }, data: row });
        result.updated += 1;
      } else result.unchanged += 1;
    }
    if (fresh.length) result.created = (await tx.knowledgeDoc.createMany({ data: fresh })).count;
    if (existing.size) {
      const ids = [...existing.values()].map((row) => row.id);
      result.deleted = (await tx.knowledgeDoc.deleteMany({ where: { id: { in: ids } } })).count;
    }
  });
  return result;
}
