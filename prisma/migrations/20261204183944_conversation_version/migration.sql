-- AlterTable
-- A plain ADD COLUMN, not Prisma's table redefinition: dropping "Conversation" would run its
-- implicit DELETE and cascade to every Message row when foreign keys are on.
ALTER TABLE "Conversation" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
