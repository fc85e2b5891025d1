-- The whole data model as of the SQLite migrations up to 20261203142929_helpdesk, derived from
-- prisma/schema-postgres (itself derived from prisma/schema). Later changes get a migration here beside
-- each SQLite one (npm run db:new-migration writes both).
-- CreateTable
CREATE TABLE "WecomKfCursor" (
    "openKfId" TEXT NOT NULL,
    "cursor" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WecomKfCursor_pkey" PRIMARY KEY ("openKfId")
);

-- CreateTable
CREATE TABLE "MpSubscription" (
    "openid" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "remaining" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MpSubscription_pkey" PRIMARY KEY ("openid","templateId")
);

-- CreateTable
CREATE TABLE "ChannelLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "ChannelMessageSeen" (
    "channel" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "ChannelMessageSeen_pkey" PRIMARY KEY ("channel","messageId")
);

-- CreateTable
CREATE TABLE "WebChatSecret" (
    "conversationId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebChatSecret_pkey" PRIMARY KEY ("conversationId")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "externalUserId" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "mode" TEXT NOT NULL DEFAULT 'bot',
    "state" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastMessageAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "author" TEXT NOT NULL DEFAULT 'user',
    "text" TEXT,
    "payload" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffDuty" (
    "staffId" TEXT NOT NULL,
    "onDuty" BOOLEAN NOT NULL DEFAULT false,
    "capacity" INTEGER NOT NULL DEFAULT 3,
    "lastAssignedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffDuty_pkey" PRIMARY KEY ("staffId")
);

-- CreateTable
CREATE TABLE "HelpdeskSettings" (
    "officeId" TEXT NOT NULL,
    "satisfactionSurvey" BOOLEAN NOT NULL DEFAULT false,
    "slaWarningHours" INTEGER NOT NULL DEFAULT 24,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HelpdeskSettings_pkey" PRIMARY KEY ("officeId")
);

-- CreateTable
CREATE TABLE "CannedReply" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CannedReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrivateNote" (
    "id" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'note',
    "textEnc" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrivateNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Label" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL DEFAULT '#6b7280',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Label_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabelLink" (
    "id" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LabelLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SatisfactionRating" (
    "id" TEXT NOT NULL,
    "handoffId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "staffId" TEXT,
    "rating" TEXT,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "SatisfactionRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeDoc" (
    "id" TEXT NOT NULL,
    "law" TEXT NOT NULL,
    "lawTitle" TEXT NOT NULL,
    "article" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "chapter" TEXT,
    "text" TEXT NOT NULL,
    "sourceFile" TEXT NOT NULL,
    "date" TEXT,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeDoc_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketMeasure" (
    "ticketId" TEXT NOT NULL,
    "recoveredFen" INTEGER,
    "recoveredAt" TIMESTAMP(3),
    "recoveredById" TEXT,
    "stillEmployed" BOOLEAN,
    "employmentEndedOn" TEXT,
    "violationKnownOn" TEXT,
    "caseId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketMeasure_pkey" PRIMARY KEY ("ticketId")
);

-- CreateTable
CREATE TABLE "Employer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "creditCode" TEXT,
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Employer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmployerName" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "employerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmployerName_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "CollectiveCase" (
    "id" TEXT NOT NULL,
    "employerId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "note" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollectiveCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnionOffice" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'regional',
    "level" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "industry" TEXT,
    "parentId" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "email" TEXT,
    "hours" TEXT,
    "contactLoaded" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnionOffice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" TEXT NOT NULL,
    "regionPrefix" TEXT NOT NULL DEFAULT '',
    "industry" TEXT,
    "collective" BOOLEAN,
    "officeId" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Staff" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "extraOfficeIds" TEXT NOT NULL DEFAULT '[]',
    "includeSubOffices" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "csrfToken" TEXT,
    "label" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "officeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Handoff" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "regionCode" TEXT,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "claimedById" TEXT,
    "claimedAt" TIMESTAMP(3),
    "endedById" TEXT,
    "endedAt" TIMESTAMP(3),
    "transferredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Handoff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketAssignment" (
    "ticketId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "assignedById" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketAssignment_pkey" PRIMARY KEY ("ticketId")
);

-- CreateTable
CREATE TABLE "TicketLink" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "duplicateOfId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Station" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "regionCode" TEXT,
    "amenities" TEXT NOT NULL DEFAULT '[]',
    "hours" TEXT NOT NULL,
    "phone" TEXT,
    "operator" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "statusNote" TEXT,
    "lastVerified" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Station_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionDocument" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "employer" TEXT,
    "regionCode" TEXT,
    "facts" TEXT NOT NULL,
    "citations" TEXT NOT NULL DEFAULT '[]',
    "fields" TEXT NOT NULL DEFAULT '{}',
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'issued',
    "deadlineAt" TIMESTAMP(3),
    "replyText" TEXT,
    "repliedAt" TIMESTAMP(3),
    "copiedToProcuratorate" BOOLEAN NOT NULL DEFAULT false,
    "parentId" TEXT,
    "createdById" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionDocumentTicket" (
    "documentId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,

    CONSTRAINT "SupervisionDocumentTicket_pkey" PRIMARY KEY ("documentId","ticketId")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "queryCode" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'wage_arrears',
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "priorityReasons" TEXT NOT NULL DEFAULT '[]',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "officeId" TEXT NOT NULL,
    "routingRuleId" TEXT,
    "regionCode" TEXT NOT NULL,
    "industry" TEXT NOT NULL DEFAULT 'other',
    "platform" TEXT,
    "employer" TEXT,
    "amountYuan" INTEGER,
    "amountApprox" BOOLEAN NOT NULL DEFAULT false,
    "periodText" TEXT,
    "periodMonths" INTEGER,
    "workerCount" INTEGER,
    "workerCountApprox" BOOLEAN NOT NULL DEFAULT false,
    "collective" BOOLEAN NOT NULL DEFAULT false,
    "vulnerable" BOOLEAN NOT NULL DEFAULT false,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "wants" TEXT,
    "descriptionEnc" TEXT,
    "claimantNameEnc" TEXT NOT NULL,
    "claimantPhoneEnc" TEXT NOT NULL,
    "claimantIdEnc" TEXT,
    "phoneIndex" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "conversationId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "consentVersion" TEXT NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "fromOfficeId" TEXT,
    "toOfficeId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT,
    "conversationId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'image',
    "mimeType" TEXT,
    "url" TEXT,
    "mediaId" TEXT,
    "sizeBytes" INTEGER,
    "sha256" TEXT,
    "dataEnc" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketCounter" (
    "day" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TicketCounter_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "ChannelMessageSeen_claimedAt_idx" ON "ChannelMessageSeen"("claimedAt");

-- CreateIndex
CREATE INDEX "Conversation_mode_updatedAt_idx" ON "Conversation"("mode", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_channel_externalUserId_key" ON "Conversation"("channel", "externalUserId");

-- CreateIndex
CREATE INDEX "Message_conversationId_createdAt_idx" ON "Message"("conversationId", "createdAt");

-- CreateIndex
CREATE INDEX "Outbox_status_nextAttemptAt_idx" ON "Outbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Outbox_conversationId_status_idx" ON "Outbox"("conversationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CannedReply_officeId_title_key" ON "CannedReply"("officeId", "title");

-- CreateIndex
CREATE INDEX "PrivateNote_subjectType_subjectId_createdAt_idx" ON "PrivateNote"("subjectType", "subjectId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Label_officeId_name_key" ON "Label"("officeId", "name");

-- CreateIndex
CREATE INDEX "LabelLink_subjectType_subjectId_idx" ON "LabelLink"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "LabelLink_labelId_subjectType_subjectId_key" ON "LabelLink"("labelId", "subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionRating_handoffId_key" ON "SatisfactionRating"("handoffId");

-- CreateIndex
CREATE INDEX "SatisfactionRating_conversationId_askedAt_idx" ON "SatisfactionRating"("conversationId", "askedAt");

-- CreateIndex
CREATE INDEX "SatisfactionRating_officeId_answeredAt_idx" ON "SatisfactionRating"("officeId", "answeredAt");

-- CreateIndex
CREATE INDEX "KnowledgeDoc_sourceFile_idx" ON "KnowledgeDoc"("sourceFile");

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeDoc_law_article_key" ON "KnowledgeDoc"("law", "article");

-- CreateIndex
CREATE INDEX "TicketMeasure_caseId_idx" ON "TicketMeasure"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Employer_creditCode_key" ON "Employer"("creditCode");

-- CreateIndex
CREATE INDEX "EmployerName_employerId_idx" ON "EmployerName"("employerId");

-- CreateIndex
CREATE INDEX "CollectiveCase_officeId_status_idx" ON "CollectiveCase"("officeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "UnionOffice_code_key" ON "UnionOffice"("code");

-- CreateIndex
CREATE INDEX "UnionOffice_regionCode_kind_idx" ON "UnionOffice"("regionCode", "kind");

-- CreateIndex
CREATE INDEX "UnionOffice_parentId_idx" ON "UnionOffice"("parentId");

-- CreateIndex
CREATE INDEX "RoutingRule_regionPrefix_idx" ON "RoutingRule"("regionPrefix");

-- CreateIndex
CREATE UNIQUE INDEX "Staff_username_key" ON "Staff"("username");

-- CreateIndex
CREATE INDEX "Staff_officeId_idx" ON "Staff"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffSession_tokenHash_key" ON "StaffSession"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffSession_staffId_idx" ON "StaffSession"("staffId");

-- CreateIndex
CREATE INDEX "AuditLog_subjectType_subjectId_idx" ON "AuditLog"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditLog_staffId_createdAt_idx" ON "AuditLog"("staffId", "createdAt");

-- CreateIndex
CREATE INDEX "Handoff_officeId_status_createdAt_idx" ON "Handoff"("officeId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Handoff_conversationId_status_idx" ON "Handoff"("conversationId", "status");

-- CreateIndex
CREATE INDEX "TicketAssignment_staffId_idx" ON "TicketAssignment"("staffId");

-- CreateIndex
CREATE INDEX "TicketLink_duplicateOfId_idx" ON "TicketLink"("duplicateOfId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketLink_ticketId_duplicateOfId_key" ON "TicketLink"("ticketId", "duplicateOfId");

-- CreateIndex
CREATE UNIQUE INDEX "Station_externalId_key" ON "Station"("externalId");

-- CreateIndex
CREATE INDEX "Station_regionCode_idx" ON "Station"("regionCode");

-- CreateIndex
CREATE INDEX "Station_lat_lng_idx" ON "Station"("lat", "lng");

-- CreateIndex
CREATE INDEX "SupervisionDocument_officeId_status_idx" ON "SupervisionDocument"("officeId", "status");

-- CreateIndex
CREATE INDEX "SupervisionDocument_deadlineAt_idx" ON "SupervisionDocument"("deadlineAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionDocument_officeId_year_seq_key" ON "SupervisionDocument"("officeId", "year", "seq");

-- CreateIndex
CREATE INDEX "SupervisionDocumentTicket_ticketId_idx" ON "SupervisionDocumentTicket"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_number_key" ON "Ticket"("number");

-- CreateIndex
CREATE INDEX "Ticket_officeId_status_idx" ON "Ticket"("officeId", "status");

-- CreateIndex
CREATE INDEX "Ticket_status_dueAt_idx" ON "Ticket"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Ticket_phoneIndex_idx" ON "Ticket"("phoneIndex");

-- CreateIndex
CREATE INDEX "Ticket_conversationId_idx" ON "Ticket"("conversationId");

-- CreateIndex
CREATE INDEX "Ticket_createdAt_idx" ON "Ticket"("createdAt");

-- CreateIndex
CREATE INDEX "TicketEvent_ticketId_createdAt_idx" ON "TicketEvent"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_ticketId_idx" ON "Attachment"("ticketId");

-- CreateIndex
CREATE INDEX "Attachment_conversationId_idx" ON "Attachment"("conversationId");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelLink" ADD CONSTRAINT "LabelLink_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "Label"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketMeasure" ADD CONSTRAINT "TicketMeasure_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketMeasure" ADD CONSTRAINT "TicketMeasure_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CollectiveCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmployerName" ADD CONSTRAINT "EmployerName_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectiveCase" ADD CONSTRAINT "CollectiveCase_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnionOffice" ADD CONSTRAINT "UnionOffice_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "UnionOffice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "UnionOffice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionDocumentTicket" ADD CONSTRAINT "SupervisionDocumentTicket_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SupervisionDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "UnionOffice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketEvent" ADD CONSTRAINT "TicketEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- TicketEvent is the audit trail: append-only, enforced by the database itself.
CREATE FUNCTION "TicketEvent_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'TicketEvent is append-only';
END;
$$;
CREATE TRIGGER "TicketEvent_no_update" BEFORE UPDATE ON "TicketEvent"
  FOR EACH ROW EXECUTE FUNCTION "TicketEvent_append_only"();
CREATE TRIGGER "TicketEvent_no_delete" BEFORE DELETE ON "TicketEvent"
  FOR EACH ROW EXECUTE FUNCTION "TicketEvent_append_only"();
