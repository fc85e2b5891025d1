-- AlterTable
ALTER TABLE "Handoff" ADD COLUMN "transferredAt" DATETIME;

-- CreateTable
CREATE TABLE "StaffDuty" (
    "staffId" TEXT NOT NULL PRIMARY KEY,
    "onDuty" BOOLEAN NOT NULL DEFAULT false,
    "capacity" INTEGER NOT NULL DEFAULT 3,
    "lastAssignedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "HelpdeskSettings" (
    "officeId" TEXT NOT NULL PRIMARY KEY,
    "satisfactionSurvey" BOOLEAN NOT NULL DEFAULT false,
    "slaWarningHours" INTEGER NOT NULL DEFAULT 24,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CannedReply" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PrivateNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'note',
    "textEnc" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Label" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL DEFAULT '#6b7280',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LabelLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "labelId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LabelLink_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "Label" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SatisfactionRating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "handoffId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "staffId" TEXT,
    "rating" TEXT,
    "askedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "CannedReply_officeId_title_key" ON "CannedReply"("officeId", "title");

-- CreateIndex
CREATE INDEX "PrivateNote_subjectType_subjectId_createdAt_idx" ON "PrivateNote"("subjectType", "subjectId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Label_officeId_name_key" ON "Label"("officeId", "name");

-- CreateIndex
CREATE INDEX "LabelLink_subjectType_subjectId_idx" ON "LabelLink"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "LabelLink_labelId_subjectType_subjectId_key" ON "LabelLink"("labelId", "subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionRating_handoffId_key" ON "SatisfactionRating"("handoffId");

-- CreateIndex
CREATE INDEX "SatisfactionRating_conversationId_askedAt_idx" ON "SatisfactionRating"("conversationId", "askedAt");

-- CreateIndex
CREATE INDEX "SatisfactionRating_officeId_answeredAt_idx" ON "SatisfactionRating"("officeId", "answeredAt");

