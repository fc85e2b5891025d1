import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { HttpError } from '../../http/error-handler.js';

type GuardFactory = (options?: { roles?: string[] }) => preHandlerAsyncHookHandler;

/**
 * The preHandler for staff-only station routes: `app.staffGuard({ roles })` from src/staff/.
 * Looked up on the first request, so plugin order does not matter; while the staff plugin is
 * absent every request is refused with 401, so these routes are never open to the public.
 */
export function staffOnly(app: FastifyInstance, roles: string[]): preHandlerAsyncHookHandler {
  let hook: preHandlerAsyncHookHandler | undefined;
  return async function guard(request, reply) {
    if (!hook) {
      const factory = (app as unknown as { staffGuard?: GuardFactory }).staffGuard;
      if (typeof factory !== 'function') throw new HttpError(401, 'Staff sign-in is required.');
      hook = factory({ roles });
    }
    await hook.call(this, request, reply);
  };
}
