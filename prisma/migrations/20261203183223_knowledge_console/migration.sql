-- CreateTable
CREATE TABLE "KnowledgeCardVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cardId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "before" TEXT NOT NULL DEFAULT '',
    "staffId" TEXT NOT NULL,
    "staffName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "KnowledgeReviewItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reason" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "cardId" TEXT,
    "score" REAL NOT NULL DEFAULT 0,
    "conversationId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "KnowledgeCardVersion_createdAt_idx" ON "KnowledgeCardVersion"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeCardVersion_cardId_version_key" ON "KnowledgeCardVersion"("cardId", "version");

-- CreateIndex
CREATE INDEX "KnowledgeReviewItem_status_createdAt_idx" ON "KnowledgeReviewItem"("status", "createdAt");

-- CreateIndex
CREATE INDEX "KnowledgeReviewItem_topic_status_idx" ON "KnowledgeReviewItem"("topic", "status");

