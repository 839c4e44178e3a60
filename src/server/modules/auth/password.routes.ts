import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { passwordResetBody, passwordResetResult, passwordSetupBody, passwordSetupResult } from '../../../shared/contracts/password.ts';
import { requestPasswordReset, setPasswordWithLink } from './password-reset.service.ts';

/** Choosing a password without being signed in: asking for a link, and using one (setup or reset). */
export const passwordRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  // Rate limited per client like sign-in: both routes are doors to an account.
  const config = { access: 'public' as const, rateLimit: { max: svc.config.rateLimitPerMinute, timeWindow: '1 minute' } };

  app.post('/api/public/password-resets', {
    config,
    schema: {
      tags: ['auth'],
      summary: 'Forgot password: e-mails a one-hour link to choose a new one, if an active account has the address.',
      description: 'Always answers 202, whether or not an account has the address.',
      body: passwordResetBody,
      response: { 202: passwordResetResult },
    },
  }, async (request, reply) => {
    await requestPasswordReset(svc, request.body);
    return reply.code(202).send({ sent: true as const });
  });

  app.post('/api/public/password-setups', {
    config,
    schema: {
      tags: ['auth'],
      summary: 'Choose a password with the link from a welcome or forgot-password e-mail; ends every session of the account.',
      description: 'The token is the part of the link after `#`. A used or expired link is refused with a `token` field error. Does not sign in.',
      body: passwordSetupBody,
      response: { 200: passwordSetupResult },
    },
  }, async (request) => setPasswordWithLink(svc, request.body));
};
