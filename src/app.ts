import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import calculatorsPlugin from './calculators/plugin.js';
import miniprogramPlugin from './channels/miniprogram/plugin.js';
import officialAccountPlugin from './channels/official-account/plugin.js';
import { chatRoutes } from './channels/web/chat-routes.js';
import { chatSocket } from './channels/web/chat-socket.js';
import { webVoiceUpload } from './channels/web/voice-upload.js';
import { webChatRoutes } from './channels/web/web-chat-routes.js';
import wechatyPlugin from './channels/wechaty/plugin.js';
import wecomPlugin from './channels/wecom/plugin.js';
import { consoleApiRoutes } from './console-api/console-api-plugin.js';
import conversationPlugin from './conversation/conversation-plugin.js';
import flowsPlugin from './conversation/flows/flows-plugin.js';
import deadlinesPlugin from './deadlines/plugin.js';
import deliveryPlugin from './delivery/plugin.js';
import handoffPlugin from './handoff/plugin.js';
import helpdeskPlugin from './helpdesk/plugin.js';
import knowledgePlugin from './knowledge/plugin.js';
import measuresPlugin from './measures/plugin.js';
import officesPlugin from './offices/plugin.js';
import busPlugin from './platform/bus/bus-plugin.js';
import type { Config } from './platform/config/config.js';
import configPlugin from './platform/config/config-plugin.js';
import prismaPlugin from './platform/db/prisma-plugin.js';
import { errorBody, registerErrorHandling } from './platform/http/error-handler.js';
import { healthRoutes } from './platform/http/health-routes.js';
import { registerJsonBodyParser } from './platform/http/json-body-parser.js';
import { logDestination, loggerOptions } from './platform/http/logger-options.js';
import { refuseMultipartWithoutBoundary } from './platform/http/multipart-edge.js';
import readinessPlugin from './platform/http/readiness-plugin.js';
import { RequestLogController } from './platform/http/request-log.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { registerSocketCap } from './platform/http/socket-cap.js';
import { registerValidatorCompiler } from './platform/http/validator-compiler.js';
import i18nPlugin from './platform/i18n/i18n-plugin.js';
import llmPlugin from './platform/llm/llm-plugin.js';
import metricsPlugin from './platform/metrics/metrics-plugin.js';
import encryptionPlugin from './platform/privacy/encryption-plugin.js';
import redisPlugin from './platform/redis/redis-plugin.js';
import speechPlugin from './platform/speech/speech-plugin.js';
import staffPlugin from './staff/plugin.js';
import stationsPlugin from './stations/plugin.js';
import supervisionPlugin from './supervision/plugin.js';
import ticketsPlugin from './tickets/plugin.js';

export interface BuildOptions {
  /** Replace the logger's destination (tests capture log output to check for personal data). */
  logStream?: NodeJS.WritableStream;
  /** Build the station index after listening (server.ts); /readyz says `stations: warming` meanwhile. */
  warmUpAfterListen?: boolean;
}

/** Build the whole service. Never listens: server.ts does, tests use app.inject. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const logger = loggerOptions(config);
  const app = Fastify({
    logger: { ...logger, stream: options.logStream ?? logDestination() },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // Generated ids, not client-supplied ones, in the logs.
    genReqId: () => crypto.randomUUID(),
    return503OnClosing: true,
    // One line per answered request (request-log.ts).
    logController: new RequestLogController(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  registerValidatorCompiler(app);
  // The edge: malformed bodies are refused here, whichever route they were sent to.
  registerJsonBodyParser(app);
  refuseMultipartWithoutBoundary(app);

  // Infrastructure.
  await app.register(configPlugin, { config });
  await app.register(metricsPlugin);
  await app.register(readinessPlugin);
  await app.register(i18nPlugin);
  await app.register(prismaPlugin);
  await app.register(encryptionPlugin);
  await app.register(llmPlugin);
  await app.register(redisPlugin);
  await app.register(busPlugin);
  await app.register(speechPlugin);
  registerSecurityHeaders(app);
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    // With several instances the counters live in Redis, so a client's limit is one limit
    // whichever instance the balancer sends it to. A Redis outage lets requests through rather
    // than failing them all.
    ...(app.redis
      ? { redis: app.redis.commands, nameSpace: `${config.REDIS_PREFIX}rate:`, skipOnError: true }
      : {}),
    errorResponseBuilder: (_request, context) => ({
      ...errorBody(429, `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`),
    }),
  });
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });
  registerSocketCap(app, config.WS_MAX_PER_IP);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Gongyou (工友) API',
        description:
          'Labor-rights answers, union rest stations, wage-arrears intake and the union staff console.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'gongyou_session' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  // Layers, inside out: staff sign-in before every domain (its guard protects their console
  // routes), the domains, the conversation and its flows, then the channels and the console API.
  await app.register(staffPlugin);
  await app.register(conversationPlugin);
  await app.register(knowledgePlugin);
  await app.register(stationsPlugin, { warmUpAfterListen: options.warmUpAfterListen ?? false });
  await app.register(deliveryPlugin);
  await app.register(officesPlugin);
  await app.register(ticketsPlugin);
  await app.register(measuresPlugin);
  await app.register(calculatorsPlugin);
  await app.register(deadlinesPlugin);
  await app.register(handoffPlugin);
  await app.register(helpdeskPlugin);
  await app.register(supervisionPlugin);
  await app.register(flowsPlugin);
  await app.register(miniprogramPlugin);
  await app.register(officialAccountPlugin);
  await app.register(wecomPlugin);
  await app.register(wechatyPlugin);

  // Routes.
  await app.register(healthRoutes);
  await app.register(chatRoutes);
  await app.register(webVoiceUpload);
  await app.register(chatSocket);
  await app.register(webChatRoutes);
  await app.register(consoleApiRoutes);

  return app;
}
