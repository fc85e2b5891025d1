-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

