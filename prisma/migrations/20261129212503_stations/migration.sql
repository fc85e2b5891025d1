-- CreateTable
CREATE TABLE "Station" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lng" REAL NOT NULL,
    "regionCode" TEXT,
    "amenities" TEXT NOT NULL DEFAULT '[]',
    "hours" TEXT NOT NULL,
    "phone" TEXT,
    "operator" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "statusNote" TEXT,
    "lastVerified" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Station_externalId_key" ON "Station"("externalId");

-- CreateIndex
CREATE INDEX "Station_regionCode_idx" ON "Station"("regionCode");

-- CreateIndex
CREATE INDEX "Station_lat_lng_idx" ON "Station"("lat", "lng");

