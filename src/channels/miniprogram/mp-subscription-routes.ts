import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { HttpError } from '../../platform/http/error-handler.js';
import { mpSessionTokens, requireMpUser } from './mp-auth.js';
import type { MpSubscriptions } from './mp-subscriptions.js';

const bearer = [{ bearerAuth: [] }];

const TemplatesSchema = Type.Object({
  templates: Type.Array(
    Type.Object({
      purpose: Type.Literal('ticket-status'),
      templateId: Type.String(),
      /** Notices this user can still be sent while the app is closed. */
      remaining: Type.Integer(),
    }),
  ),
});

/** wx.requestSubscribeMessage's success result as it comes: `{[templateId]: 'accept' | …, errMsg}`. */
const ResultsSchema = Type.Object({
  results: Type.Record(Type.String({ maxLength: 128 }), Type.String({ maxLength: 64 }), {
    maxProperties: 20,
  }),
});

/**
 * /api/mp/subscriptions: which subscription template to ask the user for, and what they
 * answered. An answer of "accept" lets the service send one ticket notice while the app is closed.
 */
export function mpSubscriptionRoutes(subscriptions: MpSubscriptions | undefined) {
  return async (app: FastifyInstance) => {
    const tokens = mpSessionTokens(app);

    const templates = async (openid: string) => ({
      templates: subscriptions
        ? [
            {
              purpose: 'ticket-status' as const,
              templateId: subscriptions.templateId,
              remaining: await subscriptions.grants(openid),
            },
          ]
        : [],
    });

    app.get(
      '/api/mp/subscriptions',
      {
        schema: {
          tags: ['mini-program'],
          summary: 'Subscription-message templates to ask for (wx.requestSubscribeMessage tmplIds)',
          security: bearer,
          response: { 200: TemplatesSchema },
        },
      },
      async (request) => templates(requireMpUser(tokens, request)),
    );

    app.post(
      '/api/mp/subscriptions',
      {
        schema: {
          tags: ['mini-program'],
          summary: "Record the user's answer from wx.requestSubscribeMessage",
          security: bearer,
          body: ResultsSchema,
          response: { 200: TemplatesSchema },
        },
      },
      async (request) => {
        const openid = requireMpUser(tokens, request);
        if (!subscriptions) throw new HttpError(404, 'Subscription messages are not set up on this server.');
        const { results } = request.body as Static<typeof ResultsSchema>;
        const answer = results[subscriptions.templateId];
        if (answer === undefined) {
          throw new HttpError(
            400,
            `No answer for template ${subscriptions.templateId}; ask for the templates from GET /api/mp/subscriptions.`,
          );
        }
        await subscriptions.record(openid, answer);
        return templates(openid);
      },
    );
  };
}
