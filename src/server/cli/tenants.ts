import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { tenants } from '../modules/tenants/tenants.tables.ts';
import { writeAudit } from '../modules/audit/audit.service.ts';
import { locales } from '../../shared/i18n/locale.ts';
import { CliError, viaCli } from './cli-context.ts';

export const tenantKinds = ['region', 'municipality', 'user_organisation'] as const;
export const countries = ['SE', 'DK'] as const;

const createTenantInput = z.object({
  // The slug appears in public form addresses, so it is kept to URL-safe lowercase words.
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes').max(63),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(tenantKinds),
  country: z.enum(countries).default('SE'),
  locale: z.enum(locales).optional(),
});
export type CreateTenantInput = z.input<typeof createTenantInput>;

/** Turns zod issues into one line per field, naming the option and the rule, never the value. */
export function invalidOptions(error: z.ZodError): CliError {
  const lines = error.issues.map((i) => `  --${String(i.path[0] ?? '?')}: ${i.message}`);
  return new CliError(`Invalid options:\n${lines.join('\n')}`);
}

/** Creates an organisation; its default language follows the country unless given. */
export async function createTenant(db: Db, input: CreateTenantInput, now = new Date()): Promise<{ id: string; slug: string }> {
  const parsed = createTenantInput.safeParse(input);
  if (!parsed.success) throw invalidOptions(parsed.error);
  const { slug, name, kind, country } = parsed.data;
  const defaultLocale = parsed.data.locale ?? (country === 'DK' ? 'da' : 'sv');
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
    if (taken) throw new CliError(`A tenant with the slug "${slug}" already exists.`);
    const [row] = await tx.insert(tenants).values({ slug, name, kind, country, defaultLocale }).returning({ id: tenants.id });
    const id = row!.id;
    await writeAudit(tx, { actor: null, tenantId: id, now }, { action: 'tenant.create', recordType: 'tenant', recordId: id, details: { ...viaCli, kind, country } });
    return { id, slug };
  });
}
