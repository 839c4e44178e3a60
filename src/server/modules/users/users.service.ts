import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { serverText } from '../../../shared/i18n/errors.ts';
import type { Role } from '../../../shared/permissions.ts';
import type { UserView } from '../../../shared/contracts/users.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { persons } from '../persons/persons.tables.ts';
import { sessions } from '../auth/auth.tables.ts';
import { users } from './users.tables.ts';
import { hashPassword } from '../auth/password.ts';
import { createPasswordLink, PASSWORD_LINK_MS } from '../auth/password-links.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import { assertCanManageUsers, assertCanReadUsers } from './users.policy.ts';
import { countActiveAdmins, findUserInTenant, listUsers, replaceRoles } from './users.repo.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';

export async function findUsers(ctx: Ctx, filter: Parameters<typeof listUsers>[2]): Promise<UserView[]> {
  assertCanReadUsers(ctx.actor);
  return listUsers(ctx.db, ctx.actor.tenantId, filter);
}

export async function getUser(ctx: Ctx, id: string): Promise<UserView> {
  assertCanReadUsers(ctx.actor);
  const user = await findUserInTenant(ctx.db, ctx.actor.tenantId, id);
  if (!user) throw notFound();
  return user;
}

/** Creates a sign-in account and the person record behind it, in the admin's tenant. */
export async function createUser(
  ctx: Ctx,
  input: { email: string; name: string; roles: Role[]; locale: Locale; password?: string },
): Promise<UserView> {
  assertCanManageUsers(ctx.actor);
  const email = normalizeEmail(input.email);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const now = ctx.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken) throw new AppError('EMAIL_TAKEN', { fields: { email: { key: 'field.invalid' } } });
    const [person] = await tx
      .insert(persons)
      .values({ tenantId: ctx.actor.tenantId, fullName: input.name, email, preferredLocale: input.locale })
      .returning({ id: persons.id });
    const [user] = await tx
      .insert(users)
      .values({ tenantId: ctx.actor.tenantId, personId: person!.id, email, name: input.name, locale: input.locale, passwordHash })
      .returning({ id: users.id });
    await replaceRoles(tx, ctx.actor.tenantId, user!.id, [...new Set(input.roles)], ctx.actor.userId);
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'user.create', recordType: 'user', recordId: user!.id, subjectPersonId: person!.id, details: { roles: input.roles } });
    // Even with a first password from the admin, the person chooses their own: only they should know it.
    const link = await createPasswordLink(tx, ctx, { id: user!.id, tenantId: ctx.actor.tenantId }, 'setup');
    await ctx.mailer.enqueue(tx, {
      tenantId: ctx.actor.tenantId,
      to: email,
      subject: serverText(input.locale, 'mail.welcome.subject'),
      text: serverText(input.locale, 'mail.welcome.body', {
        name: input.name,
        tenant: ctx.actor.tenantName,
        link,
        days: PASSWORD_LINK_MS.setup / 86_400_000,
        signIn: `${ctx.config.publicOrigin}/sign-in`,
      }),
    });
    return user!.id;
  });
  ctx.mailer.kick();
  return getUser(ctx, id);
}

export async function updateUser(ctx: Ctx, id: string, input: { name?: string; locale?: Locale; roles?: Role[] }): Promise<UserView> {
  assertCanManageUsers(ctx.actor);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const before = await findUserInTenant(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound();
    const { roles: newRoles, ...fields } = input;
    if (Object.keys(fields).length > 0) await tx.update(users).set(fields).where(eq(users.id, id));
    if (newRoles) {
      const wanted = [...new Set(newRoles)].sort();
      await replaceRoles(tx, ctx.actor.tenantId, id, wanted, ctx.actor.userId);
      if (before.roles.includes('admin') && !wanted.includes('admin') && (await countActiveAdmins(tx, ctx.actor.tenantId)) === 0) {
        throw new AppError('LAST_ADMIN');
      }
      await tx.update(users).set({ securityVersion: sql`${users.securityVersion} + 1` }).where(eq(users.id, id));
      await writeAudit(tx, { actor: ctx.actor, now }, {
        action: 'user.roles_change',
        recordType: 'user',
        recordId: id,
        subjectPersonId: before.personId,
        details: { added: wanted.filter((r) => !before.roles.includes(r)), removed: before.roles.filter((r) => !wanted.includes(r)) },
      });
    }
    if (Object.keys(fields).length > 0) {
      await writeAudit(tx, { actor: ctx.actor, now }, { action: 'user.update', recordType: 'user', recordId: id, subjectPersonId: before.personId, details: { fields: Object.keys(fields) } });
    }
  });
  // Roles are part of every cached session: drop them so the next request sees the change.
  ctx.sessions.revokeUser(id);
  return getUser(ctx, id);
}

/** Deactivates a user: every session of theirs ends at once, and their API tokens stop working. */
export async function deactivateUser(ctx: Ctx, id: string): Promise<UserView> {
  assertCanManageUsers(ctx.actor);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const before = await findUserInTenant(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound();
    if (before.status === 'deactivated') return;
    await tx.update(users).set({ status: 'deactivated', deactivatedAt: now, securityVersion: sql`${users.securityVersion} + 1` }).where(eq(users.id, id));
    if (before.roles.includes('admin') && (await countActiveAdmins(tx, ctx.actor.tenantId)) === 0) throw new AppError('LAST_ADMIN');
    const ended = await tx.delete(sessions).where(eq(sessions.userId, id)).returning({ id: sessions.id });
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'user.deactivate', recordType: 'user', recordId: id, subjectPersonId: before.personId, details: { sessionsEnded: ended.length } });
  });
  ctx.sessions.revokeUser(id);
  return getUser(ctx, id);
}

export async function reactivateUser(ctx: Ctx, id: string): Promise<UserView> {
  assertCanManageUsers(ctx.actor);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ status: 'active', deactivatedAt: null })
      .where(and(eq(users.id, id), eq(users.tenantId, ctx.actor.tenantId)))
      .returning({ personId: users.personId });
    if (!row) throw notFound();
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'user.reactivate', recordType: 'user', recordId: id, subjectPersonId: row.personId });
  });
  return getUser(ctx, id);
}
