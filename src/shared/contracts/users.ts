import { z } from 'zod';
import { roles } from '../permissions.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.ts';
import { locales } from '../i18n/locale.ts';

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  status: z.enum(['active', 'deactivated']),
  locale: z.enum(locales),
  personId: z.string(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const createUserBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  roles: z.array(z.enum(roles)).min(1).max(roles.length),
  locale: z.enum(locales).default('sv'),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).optional(),
}).strict();

export const updateUserBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  locale: z.enum(locales).optional(),
  roles: z.array(z.enum(roles)).min(1).max(roles.length).optional(),
}).strict();

export const usersQuery = z.object({
  role: z.enum(roles).optional(),
  status: z.enum(['active', 'deactivated']).optional(),
});
