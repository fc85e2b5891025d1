-- CreateTable
CREATE TABLE "UnionOffice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'regional',
    "level" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "industry" TEXT,
    "parentId" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "email" TEXT,
    "hours" TEXT,
    "contactLoaded" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UnionOffice_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "UnionOffice" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionPrefix" TEXT NOT NULL DEFAULT '',
    "industry" TEXT,
    "collective" BOOLEAN,
    "officeId" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RoutingRule_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "UnionOffice" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "queryCode" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'wage_arrears',
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "priorityReasons" TEXT NOT NULL DEFAULT '[]',
    "dueAt" DATETIME NOT NULL,
    "officeId" TEXT NOT NULL,
    "routingRuleId" TEXT,
    "regionCode" TEXT NOT NULL,
    "industry" TEXT NOT NULL DEFAULT 'other',
    "platform" TEXT,
    "employer" TEXT,
    "amountYuan" INTEGER,
    "amountApprox" BOOLEAN NOT NULL DEFAULT false,
    "periodText" TEXT,
    "periodMonths" INTEGER,
    "workerCount" INTEGER,
    "workerCountApprox" BOOLEAN NOT NULL DEFAULT false,
    "collective" BOOLEAN NOT NULL DEFAULT false,
    "vulnerable" BOOLEAN NOT NULL DEFAULT false,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "wants" TEXT,
    "descriptionEnc" TEXT,
    "claimantNameEnc" TEXT NOT NULL,
    "claimantPhoneEnc" TEXT NOT NULL,
    "claimantIdEnc" TEXT,
    "phoneIndex" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "conversationId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "consentVersion" TEXT NOT NULL,
    "consentAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ticket_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "UnionOffice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "fromOfficeId" TEXT,
    "toOfficeId" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TicketEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT,
    "conversationId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'image',
    "mimeType" TEXT,
    "url" TEXT,
    "mediaId" TEXT,
    "sizeBytes" INTEGER,
    "sha256" TEXT,
    "dataEnc" BLOB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attachment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketCounter" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "last" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE UNIQUE INDEX "UnionOffice_code_key" ON "UnionOffice"("code");

-- CreateIndex
CREATE INDEX "UnionOffice_regionCode_kind_idx" ON "UnionOffice"("regionCode", "kind");

-- CreateIndex
CREATE INDEX "UnionOffice_parentId_idx" ON "UnionOffice"("parentId");

-- CreateIndex
CREATE INDEX "RoutingRule_regionPrefix_idx" ON "RoutingRule"("regionPrefix");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_number_key" ON "Ticket"("number");

-- CreateIndex
CREATE INDEX "Ticket_officeId_status_idx" ON "Ticket"("officeId", "status");

-- CreateIndex
CREATE INDEX "Ticket_status_dueAt_idx" ON "Ticket"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Ticket_phoneIndex_idx" ON "Ticket"("phoneIndex");

-- CreateIndex
CREATE INDEX "Ticket_conversationId_idx" ON "Ticket"("conversationId");

-- CreateIndex
CREATE INDEX "Ticket_createdAt_idx" ON "Ticket"("createdAt");

-- CreateIndex
CREATE INDEX "TicketEvent_ticketId_createdAt_idx" ON "TicketEvent"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_ticketId_idx" ON "Attachment"("ticketId");

-- CreateIndex
CREATE INDEX "Attachment_conversationId_idx" ON "Attachment"("conversationId");


-- TicketEvent is the audit trail: append-only, enforced by the database itself.
CREATE TRIGGER "TicketEvent_no_update" BEFORE UPDATE ON "TicketEvent"
BEGIN SELECT RAISE(ABORT, 'TicketEvent is append-only'); END;
CREATE TRIGGER "TicketEvent_no_delete" BEFORE DELETE ON "TicketEvent"
BEGIN SELECT RAISE(ABORT, 'TicketEvent is append-only'); END;
