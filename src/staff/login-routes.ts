import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { HttpError } from '../platform/http/error-handler.js';
import { CSRF_HEADER, credentialsOf, SESSION_COOKIE } from './staff-guard.js';
import { publicStaff } from './staff-service.js';

const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    /** `api` returns a bearer token instead of setting the browser cookie. */
    client: Type.Optional(Type.Union([Type.Literal('browser'), Type.Literal('api')])),
  },
  { additionalProperties: false },
);

/** POST /api/staff/login, /logout, GET /api/staff/me, POST /api/staff/tokens. */
export async function loginRoutes(app: FastifyInstance): Promise<void> {
  const secure = app.config.STAFF_COOKIE_SECURE ?? app.config.NODE_ENV === 'production';

  app.post(
    '/api/staff/login',
    {
      schema: { tags: ['staff'], body: LoginBody },
      config: { rateLimit: { max: app.config.STAFF_LOGIN_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const body = request.body as { username: string; password: string; client?: 'browser' | 'api' };
      const result = await app.staffAccounts.login(body.username, body.password);
      if (!result.ok) {
        if (result.reason === 'locked') {
          reply.header('retry-after', String(result.retryAfterSeconds ?? 60));
          throw new HttpError(429, 'Too many wrong passwords: this account is locked for a while.');
        }
        throw new HttpError(401, 'Wrong username or password.');
      }
      // A session the browser already holds is ended, never promoted: a session id planted
      // before login (fixation) must not become a signed-in session.
      const previous = credentialsOf(request);
      if (previous?.kind === 'cookie') await app.staffSessions.revokeToken(previous.token);

      if (body.client === 'api') {
        const { token, session } = await app.staffSessions.create(result.staff.id, 'bearer', 'login');
        return { staff: publicStaff(result.staff), token, expiresAt: session.expiresAt.toISOString() };
      }
      const { token, csrfToken, session } = await app.staffSessions.create(result.staff.id, 'cookie');
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/',
        expires: session.expiresAt,
      });
      return { staff: publicStaff(result.staff), csrfToken, expiresAt: session.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/staff/logout',
    { schema: { tags: ['staff'] }, onRequest: app.staffGuard() },
    async (request, reply) => {
      await app.staffSessions.revoke(request.staff.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get('/api/staff/me', { schema: { tags: ['staff'] }, onRequest: app.staffGuard() }, async (request) => {
    const staff = await app.staffAccounts.get(request.staff.id);
    if (!staff) throw new HttpError(401, 'Sign in first.');
    // The console reloads and needs its CSRF token back; the token is readable only same-origin.
    const session =
      request.staff.sessionKind === 'cookie'
        ? await app.prisma.staffSession.findUnique({ where: { id: request.staff.sessionId } })
        : null;
    return {
      staff: publicStaff(staff),
      officeIds: request.staff.officeIds,
      ...(session?.csrfToken ? { csrfToken: session.csrfToken } : {}),
      csrfHeader: CSRF_HEADER,
    };
  });

  app.post(
    '/api/staff/tokens',
    {
      schema: {
        tags: ['staff'],
        body: Type.Object(
          { label: Type.String({ minLength: 1, maxLength: 80 }) },
          { additionalProperties: false },
        ),
      },
      onRequest: app.staffGuard(),
    },
    async (request) => {
      const { label } = request.body as { label: string };
      const { token, session } = await app.staffSessions.create(request.staff.id, 'bearer', label);
      return { token, label, expiresAt: session.expiresAt.toISOString() };
    },
  );
}
