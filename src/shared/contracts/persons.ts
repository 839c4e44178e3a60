import { z } from 'zod';
import { locales } from '../i18n/locale.ts';

export const stageView = z.object({
  kind: z.enum(['applicant', 'participant', 'peer', 'course_leader', 'peer_supporter', 'network_member']),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
});

export const personSummary = z.object({
  id: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  stages: z.array(stageView),
});

export const personView = personSummary.extend({
  phone: z.string().nullable(),
  preferredLocale: z.enum(locales),
  notes: z.string().nullable(),
  createdAt: z.string(),
});

export const accessLogEntry = z.object({
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
});
