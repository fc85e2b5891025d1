import type { FastifyInstance } from 'fastify';
import { HttpError } from './error-handler.js';
import { ILL_FORMED_MESSAGE, isWellFormedDeep } from './well-formed-text.js';

/**
 * Every JSON body, on every route: Fastify's own parser (prototype poisoning refused), then the
 * well-formed Unicode check, so a lone surrogate is a 400 before any schema or handler runs.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error, value) => {
      if (error) return done(error, undefined);
      if (!isWellFormedDeep(value)) return done(new HttpError(400, ILL_FORMED_MESSAGE), undefined);
      done(null, value);
    });
  });
}
