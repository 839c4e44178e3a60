import { z } from 'zod';
import { roles, permissions } from '../permissions.ts';
import { locales } from '../i18n/locale.ts';

export const loginBody = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1000),
});

export const meUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(locales),
  roles: z.array(z.enum(roles)),
  permissions: z.array(z.enum(permissions)),
  personId: z.string(),
  tenant: z.object({ id: z.string(), name: z.string() }),
});
export type MeUser = z.infer<typeof meUser>;

export const meResponse = z.object({ user: meUser });

export const updateMeBody = z
  .object({ locale: z.enum(locales).optional(), name: z.string().trim().min(1).max(200).optional() })
  .strict();

export const unlockBody = z.object({ token: z.string().min(10).max(200) });
