-- CreateTable
CREATE TABLE "Staff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "extraOfficeIds" TEXT NOT NULL DEFAULT '[]',
    "includeSubOffices" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "csrfToken" TEXT,
    "label" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "StaffSession_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "officeId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Handoff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "regionCode" TEXT,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "claimedById" TEXT,
    "claimedAt" DATETIME,
    "endedById" TEXT,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TicketAssignment" (
    "ticketId" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT NOT NULL,
    "assignedById" TEXT NOT NULL,
    "assignedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TicketLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "duplicateOfId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SupervisionDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "employer" TEXT,
    "regionCode" TEXT,
    "facts" TEXT NOT NULL,
    "citations" TEXT NOT NULL DEFAULT '[]',
    "fields" TEXT NOT NULL DEFAULT '{}',
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'issued',
    "deadlineAt" DATETIME,
    "replyText" TEXT,
    "repliedAt" DATETIME,
    "copiedToProcuratorate" BOOLEAN NOT NULL DEFAULT false,
    "parentId" TEXT,
    "createdById" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SupervisionDocumentTicket" (
    "documentId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,

    PRIMARY KEY ("documentId", "ticketId"),
    CONSTRAINT "SupervisionDocumentTicket_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SupervisionDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Staff_username_key" ON "Staff"("username");

-- CreateIndex
CREATE INDEX "Staff_officeId_idx" ON "Staff"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffSession_tokenHash_key" ON "StaffSession"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffSession_staffId_idx" ON "StaffSession"("staffId");

-- CreateIndex
CREATE INDEX "AuditLog_subjectType_subjectId_idx" ON "AuditLog"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditLog_staffId_createdAt_idx" ON "AuditLog"("staffId", "createdAt");

-- CreateIndex
CREATE INDEX "Handoff_officeId_status_createdAt_idx" ON "Handoff"("officeId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Handoff_conversationId_status_idx" ON "Handoff"("conversationId", "status");

-- CreateIndex
CREATE INDEX "TicketAssignment_staffId_idx" ON "TicketAssignment"("staffId");

-- CreateIndex
CREATE INDEX "TicketLink_duplicateOfId_idx" ON "TicketLink"("duplicateOfId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketLink_ticketId_duplicateOfId_key" ON "TicketLink"("ticketId", "duplicateOfId");

-- CreateIndex
CREATE INDEX "SupervisionDocument_officeId_status_idx" ON "SupervisionDocument"("officeId", "status");

-- CreateIndex
CREATE INDEX "SupervisionDocument_deadlineAt_idx" ON "SupervisionDocument"("deadlineAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionDocument_officeId_year_seq_key" ON "SupervisionDocument"("officeId", "year", "seq");

-- CreateIndex
CREATE INDEX "SupervisionDocumentTicket_ticketId_idx" ON "SupervisionDocumentTicket"("ticketId");

