-- CreateTable
CREATE TABLE "KnowledgeDoc" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "law" TEXT NOT NULL,
    "lawTitle" TEXT NOT NULL,
    "article" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "chapter" TEXT,
    "text" TEXT NOT NULL,
    "sourceFile" TEXT NOT NULL,
    "date" TEXT,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "KnowledgeDoc_sourceFile_idx" ON "KnowledgeDoc"("sourceFile");

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeDoc_law_article_key" ON "KnowledgeDoc"("law", "article");

