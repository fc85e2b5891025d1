import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { HttpError } from '../../platform/http/error-handler.js';
import { readOneUpload } from '../../platform/http/multipart-edge.js';
import { localeFromAcceptLanguage } from '../../platform/i18n/locales.js';
import { regionLabel } from '../../regions/region-label.js';
import { TICKET_NUMBER_SOURCE } from '../../tickets/numbering.js';
import { TICKET_STATUSES } from '../../tickets/ticket-types.js';
import { createTicketWork } from './ticket-work-service.js';

const NumberParams = Type.Object({ number: Type.String({ pattern: `^${TICKET_NUMBER_SOURCE}$` }) });
const Text = Type.String({ minLength: 1, maxLength: 2000 });
const ListQuery = Type.Object({
  status: Type.Optional(Type.Union(TICKET_STATUSES.map((s) => Type.Literal(s)))),
  priority: Type.Optional(Type.Union([Type.Literal('high'), Type.Literal('normal')])),
  overdue: Type.Optional(Type.Boolean()),
  region: Type.Optional(Type.String({ pattern: '^\\d{2,12}$' })),
  industry: Type.Optional(Type.String({ pattern: '^[a-z-]{2,20}$' })),
  employer: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  mine: Type.Optional(Type.Boolean()),
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
const ATTACHMENT_TYPES = /^(?:image\/(?:jpeg|png|gif|webp)|application\/pdf)$/;

/** /api/staff/tickets: the office's tickets, detail (audited), assign, status, notes, messages, duplicates, attachments. */
export async function ticketWorkRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 } });
  const work = createTicketWork(app);
  const guard = app.staffGuard();
  const tags = ['staff: tickets'];

  app.get(
    '/api/staff/tickets',
    { schema: { tags, querystring: ListQuery }, onRequest: guard },
    async (request) => {
      const q = request.query as Type.Static<typeof ListQuery>;
      const labelled = q.label ? await work.labelledIds(q.label, request.staff) : undefined;
      return work.list(request.staff, {
        ids: labelled,
        status: q.status,
        priority: q.priority,
        overdue: q.overdue,
        regionPrefix: q.region?.replace(/0+$/, ''),
        industry: q.industry as never,
        employer: q.employer,
        assignedToMe: q.mine,
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  app.get(
    '/api/staff/tickets/:number',
    { schema: { tags, params: NumberParams }, onRequest: guard },
    async (request) => {
      const { number } = request.params as { number: string };
      const detail = await work.detail(number, request.staff);
      // The place in the console's language (it sends Accept-Language), not a bare code.
      const locale = localeFromAcceptLanguage(request.headers['accept-language']);
      const regionName = regionLabel(detail.ticket.regionCode, locale);
      await app.staffAudit.record(request.staff, {
        action: 'view-ticket',
        subjectType: 'ticket',
        subjectId: detail.ticket.number,
        officeId: detail.ticket.office.id,
      });
      return { ...detail, ticket: { ...detail.ticket, regionLabel: regionName } };
    },
  );

  app.post(
    '/api/staff/tickets/:number/assign',
    {
      schema: {
        tags,
        params: NumberParams,
        body: Type.Object({ staffId: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
      },
      onRequest: guard,
    },
    async (request) => {
      const { number } = request.params as { number: string };
      const { staffId } = request.body as { staffId: string };
      return { assignee: await work.assign(number, request.staff, staffId) };
    },
  );

  app.post(
    '/api/staff/tickets/:number/status',
    {
      schema: {
        tags,
        params: NumberParams,
        body: Type.Object(
          {
            to: Type.Union(TICKET_STATUSES.map((s) => Type.Literal(s))),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
            toOfficeId: Type.Optional(Type.String({ minLength: 1 })),
            /** 追回金额 in yuan, when resolving or closing: "3500", "3500.50", 0. */
            recoveredYuan: Type.Optional(
              Type.Union([Type.Number({ minimum: 0 }), Type.String({ minLength: 1, maxLength: 20 })]),
            ),
          },
          { additionalProperties: false },
        ),
      },
      onRequest: guard,
    },
    async (request) => {
      const { number } = request.params as { number: string };
      const body = request.body as {
        to: string;
        note?: string;
        toOfficeId?: string;
        recoveredYuan?: string | number;
      };
      const ticket = await work.changeStatus(number, request.staff, body);
      return { status: ticket.status, office: ticket.office, events: ticket.events };
    },
  );

  app.get(
    '/api/staff/tickets/:number/transfer-targets',
    { schema: { tags, params: NumberParams }, onRequest: guard },
    async (request) => {
      const { number } = request.params as { number: string };
      return { offices: await work.transferTargets(number, request.staff) };
    },
  );

  for (const kind of ['notes', 'messages'] as const) {
    app.post(
      `/api/staff/tickets/:number/${kind}`,
      {
        schema: {
          tags,
          params: NumberParams,
          body: Type.Object({ text: Text }, { additionalProperties: false }),
        },
        onRequest: guard,
      },
      async (request) => {
        const { number } = request.params as { number: string };
        const text = (request.body as { text: string }).text.trim();
        if (!text) throw new HttpError(400, 'The text is empty.');
        return kind === 'notes'
          ? { event: await work.note(number, request.staff, text) }
          : work.message(number, request.staff, text);
      },
    );
  }

  app.post(
    '/api/staff/tickets/:number/duplicate-of',
    {
      schema: {
        tags,
        params: NumberParams,
        body: Type.Object(
          { of: NumberParams.properties.number, note: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
      },
      onRequest: guard,
    },
    async (request) => {
      const { number } = request.params as { number: string };
      const body = request.body as { of: string; note?: string };
      await work.linkDuplicate(number, request.staff, body.of, body.note);
      return { ok: true };
    },
  );

  app.get(
    '/api/staff/tickets/:number/attachments/:id',
    {
      schema: {
        tags,
        params: Type.Object({ number: NumberParams.properties.number, id: Type.String({ minLength: 1 }) }),
      },
      onRequest: guard,
    },
    async (request, reply) => {
      const { number, id } = request.params as { number: string; id: string };
      const { ticket, row } = await work.attachment(number, request.staff, id);
      await app.staffAudit.record(request.staff, {
        action: 'download-attachment',
        subjectType: 'attachment',
        subjectId: row.id,
        officeId: ticket.office.id,
      });
      if (!row.dataEnc) {
        if (row.url) return { url: row.url, mediaId: row.mediaId };
        throw new HttpError(404, 'The attachment has no stored content.');
      }
      reply
        .type(row.mimeType ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${row.id}"`)
        .header('cache-control', 'no-store');
      return app.fieldCipher.decryptBytes(Buffer.from(row.dataEnc));
    },
  );

  app.post(
    '/api/staff/tickets/:number/attachments',
    { schema: { tags, params: NumberParams, consumes: ['multipart/form-data'] }, onRequest: guard },
    async (request, reply) => {
      const { number } = request.params as { number: string };
      const ticket = await work.inScope(number, request.staff);
      if (!request.isMultipart()) throw new HttpError(415, 'Upload the file as multipart/form-data.');
      const file = await readOneUpload(request);
      if (!file) throw new HttpError(400, 'No file in the upload.');
      if (!ATTACHMENT_TYPES.test(file.mimetype))
        throw new HttpError(415, 'Attach a JPEG, PNG, GIF, WebP image or a PDF.');
      const { bytes } = file;
      if (file.truncated) throw new HttpError(413, 'The file is larger than 10 MB.');
      const row = await app.ticketWork.addAttachment({
        ticketId: ticket.id,
        kind: file.mimetype.startsWith('image/') ? 'image' : 'file',
        mimeType: file.mimetype,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        dataEnc: new Uint8Array(app.fieldCipher.encryptBytes(bytes)),
      });
      await app.tickets.addEvent(number, {
        type: 'attachment',
        actor: `staff:${request.staff.id}`,
        note: row.id,
      });
      reply.status(201);
      return { attachment: { id: row.id, kind: row.kind, mimeType: row.mimeType, sizeBytes: row.sizeBytes } };
    },
  );
}
