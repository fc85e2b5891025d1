-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN "leaseHolder" TEXT;
ALTER TABLE "Outbox" ADD COLUMN "leaseUntil" DATETIME;

