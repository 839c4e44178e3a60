import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { tenants } from '../modules/tenants/tenants.tables.ts';
import { persons } from '../modules/persons/persons.tables.ts';
import { users, userRoles } from '../modules/users/users.tables.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { normalizeEmail } from '../modules/auth/auth.service.ts';
import { writeAudit } from '../modules/audit/audit.service.ts';
import { createUserBody } from '../../shared/contracts/users.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { CliError, viaCli } from './cli-context.ts';
import { invalidOptions } from './tenants.ts';

export type CreateUserInput = {
  tenant: string;
  email: string;
  name: string;
  roles: string[];
  locale?: string;
  password?: string;
};

/**
 * Creates a sign-in account and its person record, as the web's "add user" does, but without an
 * acting user: the first admin of a tenant is made here. Without a password the user signs in
 * through the tenant's OIDC provider or is given a password later.
 */
export async function createUser(db: Db, input: CreateUserInput, now = new Date()): Promise<{ id: string; personId: string; roles: string[] }> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, input.tenant));
  if (!tenant) throw new CliError(`No tenant has the slug "${input.tenant}". Create it first with create-tenant.`);
  // The same rules as the web form: one source of truth for e-mail, name, roles and password length.
  const parsed = createUserBody.safeParse({
    email: normalizeEmail(input.email),
    name: input.name,
    roles: input.roles,
    locale: (input.locale ?? tenant.defaultLocale) as Locale,
    password: input.password,
  });
  if (!parsed.success) throw invalidOptions(parsed.error);
  const { email, name, locale, password } = parsed.data;
  const roleList = [...new Set(parsed.data.roles)].sort();
  const passwordHash = password ? await hashPassword(password) : null;
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken) throw new CliError('A user with this e-mail address already exists (e-mail addresses are unique across tenants).');
    const [person] = await tx.insert(persons).values({ tenantId: tenant.id, fullName: name, email, preferredLocale: locale }).returning({ id: persons.id });
    const [user] = await tx
      .insert(users)
      .values({ tenantId: tenant.id, personId: person!.id, email, name, locale, passwordHash })
      .returning({ id: users.id });
    await tx.insert(userRoles).values(roleList.map((role) => ({ tenantId: tenant.id, userId: user!.id, role, grantedBy: null })));
    await writeAudit(tx, { actor: null, tenantId: tenant.id, now }, {
      action: 'user.create',
      recordType: 'user',
      recordId: user!.id,
      subjectPersonId: person!.id,
      details: { ...viaCli, roles: roleList, password: !!passwordHash },
    });
    return { id: user!.id, personId: person!.id, roles: roleList };
  });
}
