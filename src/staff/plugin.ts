import cookie from '@fastify/cookie';
import type { preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { type AuditLog, createAuditLog } from './audit-log.js';
import { loginRoutes } from './login-routes.js';
import type { StaffPrincipal } from './roles.js';
import { createSessionService, type SessionService } from './session-service.js';
import { createStaffGuard, type GuardOptions } from './staff-guard.js';
import { createStaffService, type StaffService } from './staff-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** `onRequest: app.staffGuard({ roles: ['admin'] })` signs the request in and sets request.staff. */
    staffGuard: (options?: GuardOptions) => preHandlerAsyncHookHandler;
    staffAccounts: StaffService;
    staffSessions: SessionService;
    staffAudit: AuditLog;
  }
  interface FastifyRequest {
    /** Set by app.staffGuard(); only read it on routes that use the guard. */
    staff: StaffPrincipal;
  }
}

const LOCK_MINUTES = 15;
const BEARER_DAYS = 90;

/** Staff accounts, sessions (cookie + CSRF, bearer tokens), the guard and the audit log. */
export default fp(
  async (app) => {
    if (!app.hasDecorator('parseCookie')) await app.register(cookie);
    const sessions = createSessionService(app.prisma, {
      cookieHours: app.config.STAFF_SESSION_HOURS,
      bearerDays: BEARER_DAYS,
    });
    app.decorate('staffSessions', sessions);
    app.decorate(
      'staffAccounts',
      createStaffService(app.prisma, {
        maxFailures: app.config.STAFF_LOCKOUT_AFTER,
        lockMinutes: LOCK_MINUTES,
      }),
    );
    app.decorate('staffAudit', createAuditLog(app.prisma));
    app.decorate('staffGuard', createStaffGuard({ prisma: app.prisma, sessions }));
    app.decorateRequest('staff', null as unknown as StaffPrincipal);

    await app.register(loginRoutes);
  },
  { name: 'staff', dependencies: ['prisma', 'config'] },
);
