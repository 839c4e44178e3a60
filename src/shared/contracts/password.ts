import { z } from 'zod';

/** The app's one password rule: long rather than complicated (as for users an admin creates). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1000;

export const passwordResetBody = z.object({ email: z.email().max(320) }).strict();
/** The same answer whether or not an account has the address, so no one can test addresses. */
export const passwordResetResult = z.object({ sent: z.literal(true) });

export const passwordSetupBody = z.object({
  token: z.string().min(10).max(200),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
}).strict();
/** The address of the account, so the page can offer sign-in with it filled in. */
export const passwordSetupResult = z.object({ email: z.string() });
export type PasswordSetupResult = z.infer<typeof passwordSetupResult>;
