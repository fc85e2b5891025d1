-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "leaseHolder" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3);

