-- CreateTable
CREATE TABLE "ChannelMessageSeen" (
    "channel" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "doneAt" DATETIME,

    PRIMARY KEY ("channel", "messageId")
);

-- CreateIndex
CREATE INDEX "ChannelMessageSeen_claimedAt_idx" ON "ChannelMessageSeen"("claimedAt");

