import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { sees } from '../../offices/office-actor.js';
import { HttpError } from '../../platform/http/error-handler.js';

const OfficeParams = Type.Object({ officeId: Type.String({ minLength: 1, maxLength: 64 }) });

/** An office's help-desk settings: read by its staff, changed by its supervisors and admins. */
export async function helpdeskSettingsRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['staff: help desk'];
  const { settings } = app.helpdesk;

  app.get(
    '/api/staff/offices/:officeId/helpdesk',
    { schema: { tags, params: OfficeParams }, onRequest: app.staffGuard() },
    async (request) => {
      const { officeId } = request.params as { officeId: string };
      if (!sees(request.staff, officeId)) throw new HttpError(404, `No union office ${officeId}.`);
      return settings.get(officeId);
    },
  );

  app.put(
    '/api/staff/offices/:officeId/helpdesk',
    {
      schema: {
        tags,
        params: OfficeParams,
        body: Type.Object(
          {
            satisfactionSurvey: Type.Optional(Type.Boolean()),
            slaWarningHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
      },
      onRequest: app.staffGuard({ roles: ['admin', 'supervisor'] }),
    },
    async (request) => {
      const { officeId } = request.params as { officeId: string };
      if (!sees(request.staff, officeId)) throw new HttpError(404, `No union office ${officeId}.`);
      return settings.update(
        officeId,
        request.body as { satisfactionSurvey?: boolean; slaWarningHours?: number },
      );
    },
  );
}
