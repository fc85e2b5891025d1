-- CreateTable
CREATE TABLE "TicketMeasure" (
    "ticketId" TEXT NOT NULL PRIMARY KEY,
    "recoveredFen" INTEGER,
    "recoveredAt" DATETIME,
    "recoveredById" TEXT,
    "stillEmployed" BOOLEAN,
    "employmentEndedOn" TEXT,
    "violationKnownOn" TEXT,
    "caseId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TicketMeasure_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TicketMeasure_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CollectiveCase" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Employer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "creditCode" TEXT,
    "mergedIntoId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EmployerName" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "employerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmployerName_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CollectiveCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "employerId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "note" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CollectiveCase_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TicketMeasure_caseId_idx" ON "TicketMeasure"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Employer_creditCode_key" ON "Employer"("creditCode");

-- CreateIndex
CREATE INDEX "EmployerName_employerId_idx" ON "EmployerName"("employerId");

-- CreateIndex
CREATE INDEX "CollectiveCase_officeId_status_idx" ON "CollectiveCase"("officeId", "status");

