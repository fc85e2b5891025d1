-- CreateTable
CREATE TABLE "LimitReminder" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "lastDay" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LimitReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LimitReminder_ticketId_lastDay_key" ON "LimitReminder"("ticketId", "lastDay");

