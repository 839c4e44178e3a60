import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Keyring } from '../lib/crypto.ts';
import { tenants, units } from '../modules/tenants/tenants.tables.ts';
import { persons, personStages } from '../modules/persons/persons.tables.ts';
import { users, userRoles } from '../modules/users/users.tables.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { writeAudit } from '../modules/audit/audit.service.ts';
import { roles, type Role } from '../../shared/permissions.ts';
import { seedRecruitmentDemo } from './recruitment-seed.ts';
import { seedTrainingDemo } from './training-seed.ts';
import { seedTrainingWorkDemo } from './training-work-seed.ts';
import { seedRecoveryCollegeDemo } from './recovery-college-seed.ts';

/** Demo data is fictional: no name, address or number here belongs to a real person. */
export const DEMO_PASSWORD = 'Peerbridge-demo-2026';

export const demoEmail = (role: Role) => `${role.replace('_', '-')}@demo.peerbridge.test`;
export const OTHER_TENANT_ADMIN = 'admin@kommune.peerbridge.test';
/** A second person in the training team: applications are assessed by two reviewers independently. */
export const SECOND_TRAINER = { email: 'trainer-2@demo.peerbridge.test', name: 'Tage Utbildare' };

export const demoNames: Record<Role, string> = {
  admin: 'Alva Admin',
  coordinator: 'Cecilia Samordnare',
  supervisor: 'Sune Handledare',
  trainer: 'Tove Utbildare',
  peer: 'Pelle Peer',
  applicant: 'Amira Sökande',
  participant: 'Dana Deltagare',
  booker: 'Bo Bokare',
  unit_manager: 'Ulla Enhetschef',
  council_member: 'Rasmus Brukarråd',
  finance: 'Frida Ekonomi',
  evaluator: 'Elis Utvärderare',
};

/** Loads the demo tenants and users once; a second call finds them and does nothing. */
export async function seedDemo(db: Db, keyring: Keyring, now = new Date()): Promise<boolean> {
  const [existing] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'region-demo'));
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [demo] = await tx.insert(tenants).values({ slug: 'region-demo', name: 'Region Demo', kind: 'region', country: 'SE', defaultLocale: 'sv' }).returning();
    const [other] = await tx.insert(tenants).values({ slug: 'demo-kommune', name: 'Demo Kommune', kind: 'municipality', country: 'DK', defaultLocale: 'da' }).returning();
    await tx.insert(units).values([
      { tenantId: demo!.id, name: 'Psykiatriska kliniken, avdelning 3', kind: 'inpatient' },
      { tenantId: demo!.id, name: 'Allmänpsykiatrisk mottagning Väst', kind: 'outpatient' },
      { tenantId: demo!.id, name: 'Socialpsykiatrin Demo kommun', kind: 'social_psychiatry' },
    ]);

    const addUser = async (tenantId: string, email: string, name: string, userRoleList: Role[], locale: 'sv' | 'da' | 'en') => {
      const [person] = await tx.insert(persons).values({ tenantId, fullName: name, email, preferredLocale: locale }).returning();
      const [user] = await tx.insert(users).values({ tenantId, personId: person!.id, email, name, locale, passwordHash }).returning();
      await tx.insert(userRoles).values(userRoleList.map((role) => ({ tenantId, userId: user!.id, role })));
      return { person: person!, user: user! };
    };

    const trainerIds: string[] = [];
    const roleUserIds = new Map<Role, string>();
    for (const role of roles) {
      const { person, user } = await addUser(demo!.id, demoEmail(role), demoNames[role], [role], 'sv');
      if (role === 'peer') {
        // One story across roles: applied, trained, now a peer who also leads a Recovery College course.
        await tx.insert(personStages).values([
          { tenantId: demo!.id, personId: person.id, kind: 'applicant', startedOn: '2025-01-15', endedOn: '2025-03-01' },
          { tenantId: demo!.id, personId: person.id, kind: 'participant', startedOn: '2025-03-03', endedOn: '2025-04-04' },
          { tenantId: demo!.id, personId: person.id, kind: 'peer', startedOn: '2025-04-07', endedOn: null },
          { tenantId: demo!.id, personId: person.id, kind: 'course_leader', startedOn: '2025-09-01', endedOn: null },
        ]);
        await tx.update(persons).set({ notesEncrypted: keyring.encrypt('Vill helst ha uppdrag på förmiddagar. Har erfarenhet av heldygnsvård.') }).where(eq(persons.id, person.id));
      }
      roleUserIds.set(role, user.id);
      if (role === 'trainer') trainerIds.push(user.id);
      if (role === 'applicant') {
        await tx.insert(personStages).values({ tenantId: demo!.id, personId: person.id, kind: 'applicant', startedOn: '2026-11-02', endedOn: null });
      }
    }
    const { user: secondTrainer } = await addUser(demo!.id, SECOND_TRAINER.email, SECOND_TRAINER.name, ['trainer'], 'sv');
    trainerIds.push(secondTrainer.id);
    await seedRecruitmentDemo(tx, { tenantId: demo!.id, trainerUserIds: trainerIds, keyring, now });
    const training = { tenantId: demo!.id, keyring, now, trainerUserIds: trainerIds, participantUserId: roleUserIds.get('participant')!, peerUserId: roleUserIds.get('peer')! };
    await seedTrainingDemo(tx, training);
    await seedTrainingWorkDemo(tx, training);
    await seedRecoveryCollegeDemo(tx, training);
    const { user: otherAdmin, person: otherPerson } = await addUser(other!.id, OTHER_TENANT_ADMIN, 'Karen Administrator', ['admin'], 'da');
    await tx.insert(persons).values([
      { tenantId: demo!.id, fullName: 'Nils Nätverksson', email: 'nils@example.org', preferredLocale: 'sv' },
      { tenantId: other!.id, fullName: 'Mette Peer-medarbejder', email: 'mette@example.org', preferredLocale: 'da' },
    ]);
    await writeAudit(tx, { actor: null, tenantId: demo!.id, now }, { action: 'demo.seed', recordType: 'tenant', recordId: demo!.id });
    await writeAudit(tx, { actor: null, tenantId: other!.id, now }, { action: 'demo.seed', recordType: 'tenant', recordId: other!.id, details: { admin: otherAdmin.id, person: otherPerson.id } });
  });
  return true;
}
