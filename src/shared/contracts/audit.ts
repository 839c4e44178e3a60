import { z } from 'zod';

export const auditEventView = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  subjectPersonId: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const auditQuery = z.object({
  actorUserId: z.uuid().optional(),
  subjectPersonId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  recordType: z.string().max(100).optional(),
  recordId: z.string().max(100).optional(),
  from: day.optional(),
  to: day.optional(),
});
