-- CreateTable
CREATE TABLE "LimitReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "lastDay" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "LimitReminder_ticketId_lastDay_key" ON "LimitReminder"("ticketId", "lastDay");

