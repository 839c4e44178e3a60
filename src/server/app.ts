import path from 'node:path';
import fs from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import apiReference from '@scalar/fastify-api-reference';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from './context.ts';
import { registerErrorHandling, sendError } from './plugins/errors.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerIdempotency } from './plugins/idempotency.ts';
import { AppError } from './lib/errors.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { personsRoutes } from './modules/persons/persons.routes.ts';
import { mailRoutes } from './modules/mail/mail.routes.ts';
import { tokensRoutes } from './modules/tokens/tokens.routes.ts';
import { oidcRoutes } from './modules/oidc/oidc.routes.ts';
import { intakesRoutes } from './modules/recruitment/intakes.routes.ts';
import { applicationsRoutes } from './modules/recruitment/applications.routes.ts';
import { publicApplicationsRoutes } from './modules/recruitment/public-applications.routes.ts';
import { interviewsRoutes } from './modules/recruitment/interviews.routes.ts';
import { passwordRoutes } from './modules/auth/password.routes.ts';
import { coursesRoutes } from './modules/training/courses.routes.ts';
import { cohortsRoutes } from './modules/training/cohorts.routes.ts';
import { trainingWorkRoutes } from './modules/training/training-work.routes.ts';
import { recoveryCollegeRoutes } from './modules/training/recovery-college.routes.ts';
import { calendarRoutes } from './modules/training/calendar.routes.ts';
import { peersRoutes } from './modules/brokering/peers.routes.ts';
import { assignmentsRoutes } from './modules/brokering/assignments.routes.ts';
import { unitsRoutes } from './modules/tenants/units.routes.ts';

export type AppOptions = {
  /** Serve the built web app from dist/web (off in module tests). */
  serveWeb?: boolean;
  logger?: boolean;
};

/** The built web app; `PEERBRIDGE_WEB_ROOT` points elsewhere (a second build tested side by side). */
const webRoot = path.resolve(process.env.PEERBRIDGE_WEB_ROOT || path.resolve(import.meta.dirname, '../../dist/web'));

/** Builds the HTTP app: plugins and modules wired explicitly, in order. */
export async function buildApp(svc: Services, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: svc.config.logLevel,
          // Requests are logged by method, route and status only: URLs may carry personal tokens.
          serializers: {
            req: (req) => ({ method: req.method, route: req.routeOptions?.url }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
          redact: ['req.headers.authorization', 'req.headers.cookie'],
        }
      : false,
    trustProxy: svc.config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  // Third-party routes under /api that cannot declare access themselves are public documentation.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), access: 'public' };
  });

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
  await app.register(underPressure, {
    maxEventLoopDelay: svc.config.overload.maxEventLoopDelayMs,
    maxRssBytes: svc.config.overload.maxRssBytes,
    retryAfter: 10,
    exposeStatusRoute: false,
    pressureHandler: (request, reply) => {
      void sendError(request, reply, new AppError('OVERLOADED', { retryAfterSeconds: 10 }));
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Peerbridge API', version: '1.0.0', description: 'The HTTP API of Peerbridge. Conventions: see the project docs (shared/api.md).' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pb_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (pbt_...)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  registerAuth(app, svc);
  registerIdempotency(app, svc);

  await app.register(healthRoutes(svc));
  await app.register(authRoutes(svc));
  await app.register(usersRoutes(svc));
  await app.register(auditRoutes(svc));
  await app.register(personsRoutes(svc));
  await app.register(mailRoutes(svc));
  await app.register(tokensRoutes(svc));
  await app.register(oidcRoutes(svc));
  await app.register(intakesRoutes(svc));
  await app.register(applicationsRoutes(svc));
  await app.register(publicApplicationsRoutes(svc));
  await app.register(interviewsRoutes(svc));
  await app.register(passwordRoutes(svc));
  await app.register(coursesRoutes(svc));
  await app.register(cohortsRoutes(svc));
  await app.register(trainingWorkRoutes(svc));
  await app.register(recoveryCollegeRoutes(svc));
  await app.register(calendarRoutes(svc));
  await app.register(peersRoutes(svc));
  await app.register(assignmentsRoutes(svc));
  await app.register(unitsRoutes(svc));

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  await app.register(apiReference, { routePrefix: '/api/docs', configuration: { url: '/api/openapi.json', title: 'Peerbridge API' } });

  app.addHook('onSend', async (request, reply, payload) => {
    setSecurityHeaders(request.url, reply);
    return payload;
  });

  if (opts.serveWeb !== false && fs.existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
    // The web app routes in the browser: every non-API page gets index.html.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const file = path.join(webRoot, (request.params as { '*': string })['*']);
      if (file.startsWith(webRoot) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(webRoot, file));
      }
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}

/**
 * Headers every answer carries. Pages get a strict content security policy (the built app has no
 * inline script) and may not be framed, except the public application form, which regions embed
 * in their own web sites. No referrer leaves the app: addresses may carry personal ids.
 */
function setSecurityHeaders(url: string, reply: FastifyReply): void {
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  if (url.startsWith('/api/')) return;
  const embeddable = /^\/apply(\/|\?|$)/.test(url);
  reply.header(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; ` +
      `object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ${embeddable ? '*' : "'none'"}`,
  );
  if (!embeddable) reply.header('X-Frame-Options', 'DENY');
}
