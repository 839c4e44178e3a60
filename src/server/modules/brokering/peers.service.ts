import type { Actor, Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError, forbidden, notFound, type FieldReason } from '../../lib/errors.ts';
import { can, type Permission } from '../../../shared/permissions.ts';
import type { Currency } from '../../../shared/contracts/brokering.ts';
import type {
  MyPeerView, PaymentDetailsBody, PaymentDetailsView, PeerListItem, PeerSettingsBody,
} from '../../../shared/contracts/peers.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { tenantOf } from '../training/training.repo.ts';
import { isValidPersonnummer, maskPersonnummer } from './personnummer.ts';
import {
  ensureSettings, findPaymentDetails, findProfile, findProfileOfPerson, listPeers, savePaymentDetails, setProfileTrack, updateSettings,
  type PaymentDetailsRow, type PeerProfileRow, type PeerSettingsRow,
} from './peers.repo.ts';

type PeersPermission = Extract<Permission, 'peers.own' | 'peers.read' | 'payments.manage'>;

function assertCan(actor: Actor, permission: PeersPermission): void {
  if (!can(actor.roles, permission)) throw forbidden();
}

/** The peer's own profile and settings; the settings get their defaults on the first read. */
export async function getMyPeer(ctx: Ctx): Promise<MyPeerView> {
  assertCan(ctx.actor, 'peers.own');
  const profile = await getOwnProfile(ctx.db, ctx.actor);
  const [settings, payment] = await Promise.all([ensureSettings(ctx.db, profile), findPaymentDetails(ctx.db, profile.id)]);
  const { currency } = await tenantMoney(ctx.db, ctx.actor.tenantId);
  return toMyView(ctx, profile, settings, payment, currency);
}

export async function updateMyPeer(ctx: Ctx, input: PeerSettingsBody): Promise<MyPeerView> {
  assertCan(ctx.actor, 'peers.own');
  const profile = await getOwnProfile(ctx.db, ctx.actor);
  const { currency } = await tenantMoney(ctx.db, ctx.actor.tenantId);
  assertValidSettings(input, currency);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await ensureSettings(tx, profile);
    if (input.track !== profile.track) await setProfileTrack(tx, profile.id, input.track);
    await updateSettings(tx, profile.id, {
      assignmentTypes: [...new Set(input.assignmentTypes)],
      topics: input.topics,
      languages: [...new Set(input.languages)],
      municipalities: [...new Set(input.municipalities)],
      worksRemotely: input.worksRemotely,
      weeklyAvailability: input.weeklyAvailability,
      exceptions: input.exceptions,
      maxPerMonth: input.maxPerMonth,
      yearlyIncomeLimit: input.yearlyIncomeLimit?.amount ?? null,
      updatedAt: now,
    });
    // What a peer will speak about is their own story: the audit says that they changed it, not what.
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'peer.settings_update', recordType: 'peer_profile', recordId: profile.id, subjectPersonId: profile.personId });
  });
  return getMyPeer(ctx);
}

/** A pause needs no reason (the peer's own well-being); while it lasts the matching offers them nothing. */
export async function setMyPause(ctx: Ctx, paused: boolean): Promise<MyPeerView> {
  assertCan(ctx.actor, 'peers.own');
  const profile = await getOwnProfile(ctx.db, ctx.actor);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const settings = await ensureSettings(tx, profile);
    if (settings.paused === paused) return;
    await updateSettings(tx, profile.id, { paused, pausedAt: paused ? now : null, updatedAt: now });
    await writeAudit(tx, { actor: ctx.actor, now }, { action: paused ? 'peer.pause' : 'peer.resume', recordType: 'peer_profile', recordId: profile.id, subjectPersonId: profile.personId });
  });
  return getMyPeer(ctx);
}

/** The tenant's peers for the coordinator, who may see every topic, coordinator-only ones too. */
export async function findPeers(ctx: Ctx, filter: Parameters<typeof listPeers>[2]): Promise<PeerListItem[]> {
  assertCan(ctx.actor, 'peers.read');
  const rows = await listPeers(ctx.db, ctx.actor.tenantId, filter);
  return rows.map(({ profile, name, settings }) => {
    const s = settings ?? settingsDefaults;
    return {
      id: profile.id,
      personId: profile.personId,
      name,
      track: profile.track,
      status: profile.status,
      paused: s.paused,
      assignmentTypes: s.assignmentTypes,
      topics: s.topics,
      languages: s.languages,
      municipalities: s.municipalities,
      worksRemotely: s.worksRemotely,
      maxPerMonth: s.maxPerMonth,
    };
  });
}

/** Finance alone reads payment details in full, and every read is audited. */
export async function getPaymentDetails(ctx: Ctx, peerId: string): Promise<PaymentDetailsView> {
  assertCan(ctx.actor, 'payments.manage');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const profile = await findProfile(tx, ctx.actor.tenantId, peerId);
    if (!profile) throw notFound();
    const row = await findPaymentDetails(tx, profile.id);
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'peer.payment_details.read', recordType: 'peer_profile', recordId: profile.id, subjectPersonId: profile.personId });
    return toPaymentView(ctx, profile.id, row);
  });
}

/** Stores the personnummer as 12 digits and the bank account as digits, both encrypted; never in the audit. */
export async function setPaymentDetails(ctx: Ctx, peerId: string, input: PaymentDetailsBody): Promise<PaymentDetailsView> {
  assertCan(ctx.actor, 'payments.manage');
  const personnummer = input.personnummer.replace(/\s/g, '');
  const bankAccount = input.bankAccount.replace(/[\s-]/g, '');
  const fields: Record<string, FieldReason> = {};
  if (!isValidPersonnummer(personnummer)) fields.personnummer = { key: 'field.invalid' };
  if (!/^\d{5,20}$/.test(bankAccount)) fields.bankAccount = { key: 'field.invalid' };
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const profile = await findProfile(tx, ctx.actor.tenantId, peerId);
    if (!profile) throw notFound();
    await savePaymentDetails(tx, profile, {
      personnummerEncrypted: ctx.keyring.encrypt(personnummer.replace('-', '')),
      bankAccountEncrypted: ctx.keyring.encrypt(bankAccount),
      employeeNumber: input.employeeNumber || null,
      updatedBy: ctx.actor.userId,
      updatedAt: now,
    });
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'peer.payment_details.update', recordType: 'peer_profile', recordId: profile.id, subjectPersonId: profile.personId });
    return toPaymentView(ctx, profile.id, await findPaymentDetails(tx, profile.id));
  });
}

async function getOwnProfile(db: Db, actor: Actor): Promise<PeerProfileRow> {
  const profile = await findProfileOfPerson(db, actor.tenantId, actor.personId);
  if (!profile) throw notFound();
  return profile;
}

async function tenantMoney(db: Db, tenantId: string): Promise<{ currency: Currency }> {
  const { country } = await tenantOf(db, tenantId);
  return { currency: country === 'DK' ? 'DKK' : 'SEK' };
}

/** The table's defaults, for a peer who has never opened their settings. */
const settingsDefaults = {
  assignmentTypes: [], topics: [], languages: [], municipalities: [], worksRemotely: false, maxPerMonth: 4, paused: false,
} satisfies Partial<PeerSettingsRow>;

/** Time ranges must end after they start; zod has already checked each is `HH:MM`. */
function assertValidSettings(input: PeerSettingsBody, currency: Currency): void {
  for (const [weekday, ranges] of Object.entries(input.weeklyAvailability)) {
    if (ranges.some((r) => r.to <= r.from)) throw fieldError(`weeklyAvailability.${weekday}.to`, 'field.ends_before_start');
  }
  if (input.exceptions.some((e) => e.kind === 'extra' && e.to <= e.from)) throw fieldError('exceptions.to', 'field.ends_before_start');
  if (input.yearlyIncomeLimit && input.yearlyIncomeLimit.currency !== currency) throw fieldError('yearlyIncomeLimit.currency', 'field.invalid_value');
}

function toPaymentView(ctx: Ctx, peerId: string, row: PaymentDetailsRow | undefined): PaymentDetailsView {
  return {
    peerId,
    personnummer: row?.personnummerEncrypted ? ctx.keyring.decrypt(row.personnummerEncrypted) : null,
    bankAccount: row?.bankAccountEncrypted ? ctx.keyring.decrypt(row.bankAccountEncrypted) : null,
    employeeNumber: row?.employeeNumber ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

function toMyView(ctx: Ctx, profile: PeerProfileRow, s: PeerSettingsRow, payment: PaymentDetailsRow | undefined, currency: Currency): MyPeerView {
  const personnummer = payment?.personnummerEncrypted ? ctx.keyring.decrypt(payment.personnummerEncrypted) : null;
  const bankAccount = payment?.bankAccountEncrypted ? ctx.keyring.decrypt(payment.bankAccountEncrypted) : null;
  return {
    id: profile.id,
    track: profile.track,
    status: profile.status,
    assignmentTypes: s.assignmentTypes,
    topics: s.topics,
    languages: s.languages,
    municipalities: s.municipalities,
    worksRemotely: s.worksRemotely,
    weeklyAvailability: s.weeklyAvailability,
    exceptions: s.exceptions.map((e) => (e.kind === 'extra' ? { date: e.date, kind: 'extra', from: e.from ?? '00:00', to: e.to ?? '24:00' } : { date: e.date, kind: 'off' })),
    maxPerMonth: s.maxPerMonth,
    yearlyIncomeLimit: s.yearlyIncomeLimit === null ? null : { amount: s.yearlyIncomeLimit, currency },
    paused: s.paused,
    pausedAt: s.pausedAt?.toISOString() ?? null,
    // The peer sees that their details are set, never the numbers: those are for finance only.
    paymentDetails: {
      isSet: Boolean(personnummer && bankAccount),
      personnummer: personnummer ? maskPersonnummer(personnummer) : null,
      bankAccount: bankAccount ? `****${bankAccount.slice(-4)}` : null,
    },
    updatedAt: s.updatedAt.toISOString(),
  };
}
