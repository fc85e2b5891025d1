import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { errorBody } from '../../platform/http/error-handler.js';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../supervision/document-kinds.js';
import { layoutBody } from '../../supervision/document-layout.js';
import { PdfFontMissingError, renderPdf } from '../../supervision/render-pdf.js';
import type { NewDocument, SupervisionService } from '../../supervision/supervision-service.js';
import { TICKET_NUMBER_SOURCE } from '../../tickets/numbering.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Kind = Type.Union(DOCUMENT_KINDS.map((k) => Type.Literal(k)));
const NewDocumentBody = Type.Object(
  {
    kind: Kind,
    officeId: Type.Optional(Type.String({ minLength: 1 })),
    recipient: Type.Optional(Type.String({ maxLength: 200 })),
    employer: Type.Optional(Type.String({ maxLength: 200 })),
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    facts: Type.Optional(Type.String({ maxLength: 10_000 })),
    citations: Type.Optional(
      Type.Array(
        Type.Object(
          {
            law: Type.String({ minLength: 2, maxLength: 60 }),
            article: Type.Integer({ minimum: 1, maximum: 9999 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 30 },
      ),
    ),
    requests: Type.Optional(Type.String({ maxLength: 5000 })),
    ticketNumbers: Type.Optional(
      Type.Array(Type.String({ pattern: `^${TICKET_NUMBER_SOURCE}$` }), { maxItems: 200 }),
    ),
    deadlineDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
    copiedToProcuratorate: Type.Optional(Type.Boolean()),
    parentId: Type.Optional(Type.String({ minLength: 1 })),
    holiday: Type.Optional(Type.String({ maxLength: 200 })),
    refusal: Type.Optional(
      Type.Union([Type.Literal('no-reply'), Type.Literal('refused'), Type.Literal('not-corrected')]),
    ),
  },
  { additionalProperties: false },
);

/** /api/staff/documents — 一函两书: generate (supervisors, admins), list, track, download as DOCX or PDF. */
export function supervisionRoutes(documents: SupervisionService) {
  return async (app: FastifyInstance): Promise<void> => {
    const read = app.staffGuard();
    const write = app.staffGuard({ roles: ['admin', 'supervisor'] });
    const tags = ['staff: documents'];

    app.get(
      '/api/staff/documents',
      {
        schema: {
          tags,
          querystring: Type.Object({
            kind: Type.Optional(Kind),
            status: Type.Optional(Type.Union(DOCUMENT_STATUSES.map((s) => Type.Literal(s)))),
            employer: Type.Optional(Type.String({ maxLength: 60 })),
          }),
        },
        onRequest: read,
      },
      async (request) => ({ documents: await documents.list(request.staff, request.query as never) }),
    );

    app.post(
      '/api/staff/documents',
      { schema: { tags, body: NewDocumentBody }, onRequest: write },
      async (request, reply) => {
        const created = await documents.create(request.body as NewDocument, request.staff);
        reply.status(201);
        return { document: await documents.get(created.id, request.staff) };
      },
    );

    app.get(
      '/api/staff/documents/:id',
      { schema: { tags, params: IdParams }, onRequest: read },
      async (request) => {
        const { id } = request.params as { id: string };
        return { document: await documents.get(id, request.staff) };
      },
    );

    /**
     * The document as issued, laid out (src/supervision/document-layout.ts), with the 抄送 line
     * naming the procuratorate of the issuing union's area when it was copied there.
     */
    async function issued(id: string, staff: FastifyRequest['staff']) {
      const doc = await documents.raw(id, staff);
      const copyTo = doc.copiedToProcuratorate
        ? app.t('zh-CN')('supervision:copyLine', { procuratorate: await procuratorateOf(doc.officeId) })
        : undefined;
      return { doc, rendered: layoutBody(doc.body, copyTo) };
    }

    /** 上海市浦东新区总工会 → 上海市浦东新区人民检察院; an industry union takes its federation's area. */
    async function procuratorateOf(officeId: string): Promise<string> {
      let office = await app.offices.get(officeId);
      for (let depth = 0; office && office.kind === 'industry' && office.parentId && depth < 6; depth++)
        office = await app.offices.get(office.parentId);
      if (!office || office.kind === 'national') return app.t('zh-CN')('supervision:supremeProcuratorate');
      return app.t('zh-CN')('supervision:procuratorate', {
        area: office.name.replace(/(?:总工会|工会)$/, ''),
      });
    }

    const download = (reply: FastifyReply, type: string, fileName: string, extension: string) =>
      reply
        .type(type)
        .header(
          'content-disposition',
          `attachment; filename="document.${extension}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .header('cache-control', 'no-store');

    app.get(
      '/api/staff/documents/:id/docx',
      { schema: { tags, params: IdParams }, onRequest: read },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const { doc, rendered } = await issued(id, request.staff);
        // docx loads on the first download, not at start (about 0.1 s of every start).
        const { renderDocx } = await import('../../supervision/render-docx.js');
        const bytes = await renderDocx(rendered, { creator: 'Gongyou' });
        download(
          reply,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          `${doc.title}${doc.number}.docx`,
          'docx',
        );
        return bytes;
      },
    );

    app.get(
      '/api/staff/documents/:id/pdf',
      { schema: { tags, params: IdParams }, onRequest: read },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const { doc, rendered } = await issued(id, request.staff);
        try {
          const bytes = await renderPdf(rendered, {
            creator: 'Gongyou',
            font: { file: app.config.PDF_FONT_FILE, face: app.config.PDF_FONT_FACE },
          });
          download(reply, 'application/pdf', `${doc.title}${doc.number}.pdf`, 'pdf');
          return bytes;
        } catch (err) {
          // The error handler hides 5xx messages; this one tells the operator what to install.
          if (err instanceof PdfFontMissingError) return reply.status(503).send(errorBody(503, err.message));
          throw err;
        }
      },
    );

    app.post(
      '/api/staff/documents/:id/reply',
      {
        schema: {
          tags,
          params: IdParams,
          body: Type.Object(
            {
              text: Type.String({ minLength: 1, maxLength: 10_000 }),
              at: Type.Optional(Type.String({ format: 'date-time' })),
            },
            { additionalProperties: false },
          ),
        },
        onRequest: write,
      },
      async (request) => {
        const { id } = request.params as { id: string };
        const body = request.body as { text: string; at?: string };
        return {
          document: await documents.recordReply(id, request.staff, {
            text: body.text,
            at: body.at ? new Date(body.at) : undefined,
          }),
        };
      },
    );

    app.patch(
      '/api/staff/documents/:id',
      {
        schema: {
          tags,
          params: IdParams,
          body: Type.Object(
            {
              status: Type.Optional(Type.Union([Type.Literal('closed'), Type.Literal('issued')])),
              copiedToProcuratorate: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
        },
        onRequest: write,
      },
      async (request) => {
        const { id } = request.params as { id: string };
        return { document: await documents.update(id, request.staff, request.body as never) };
      },
    );
  };
}
