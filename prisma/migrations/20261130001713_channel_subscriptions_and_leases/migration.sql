-- CreateTable
CREATE TABLE "MpSubscription" (
    "openid" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "remaining" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("openid", "templateId")
);

-- CreateTable
CREATE TABLE "ChannelLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

