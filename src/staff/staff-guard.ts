import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Db } from '../platform/db/create-prisma.js';
import { HttpError } from '../platform/http/error-handler.js';
import { officeScope } from './office-scope.js';
import { isRole, type Role, type StaffPrincipal } from './roles.js';
import type { SessionService } from './session-service.js';

export const SESSION_COOKIE = 'gongyou_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface GuardOptions {
  /** Roles allowed; every role when omitted. */
  roles?: Role[];
}

/** Bearer token from the Authorization header, else the session cookie. */
export function credentialsOf(
  request: FastifyRequest,
): { token: string; kind: 'cookie' | 'bearer' } | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), kind: 'bearer' };
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) return { token: cookie, kind: 'cookie' };
  return undefined;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Resolve the staff member behind a request. Cookie sessions must echo their CSRF token in
 * X-CSRF-Token (or `csrf` for the WebSocket upgrade) on anything that is not a plain read: a
 * browser sends cookies to forged requests, but a forger cannot read the token.
 */
export async function authenticate(
  deps: { prisma: Db; sessions: SessionService },
  request: FastifyRequest,
  options: { csrf: 'header' | 'query' | 'skip' } = { csrf: 'header' },
): Promise<StaffPrincipal> {
  const credentials = credentialsOf(request);
  if (!credentials) throw new HttpError(401, 'Sign in first.');
  const session = await deps.sessions.find(credentials.token, credentials.kind);
  if (!session) throw new HttpError(401, 'Your session has ended; sign in again.');
  if (credentials.kind === 'cookie' && options.csrf !== 'skip' && !SAFE_METHODS.has(request.method)) {
    checkCsrf(request.headers[CSRF_HEADER], session.csrfToken);
  }
  if (credentials.kind === 'cookie' && options.csrf === 'query') {
    checkCsrf((request.query as { csrf?: string } | undefined)?.csrf, session.csrfToken);
  }
  const role = session.staff.role;
  if (!isRole(role)) throw new HttpError(403, 'This account has no valid role.');
  return {
    id: session.staff.id,
    username: session.staff.username,
    displayName: session.staff.displayName,
    role,
    officeId: session.staff.officeId,
    officeIds: await officeScope(deps.prisma, session.staff),
    sessionId: session.id,
    sessionKind: credentials.kind,
  };
}

function checkCsrf(sent: string | string[] | undefined, expected: string | null): void {
  const value = Array.isArray(sent) ? sent[0] : sent;
  if (!value || !expected || !sameToken(value, expected)) {
    throw new HttpError(403, 'Missing or wrong CSRF token (send X-CSRF-Token from the login response).');
  }
}

/** `app.staffGuard({ roles })`: a preHandler that signs the request in and sets `request.staff`. */
export function createStaffGuard(deps: { prisma: Db; sessions: SessionService }) {
  return (options: GuardOptions = {}): preHandlerAsyncHookHandler =>
    async (request) => {
      const staff = await authenticate(deps, request);
      if (options.roles && !options.roles.includes(staff.role)) {
        throw new HttpError(403, `This needs the role ${options.roles.join(' or ')}.`);
      }
      request.staff = staff;
    };
}
