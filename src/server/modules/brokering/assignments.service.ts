import type { Actor, Ctx } from '../../context.ts';
import { AppError, forbidden, notFound, type FieldReason } from '../../lib/errors.ts';
import { decodeOffset, pageOf } from '../../lib/lists.ts';
import { can, type Permission } from '../../../shared/permissions.ts';
import type { AssignmentBody, AssignmentView } from '../../../shared/contracts/assignments.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { dayIn } from '../training/schedule.ts';
import { assignments } from './brokering.tables.ts';
import { computeFee, defaultFeeRules } from './fees.ts';
import { findTenant, listAssignmentViews, type AssignmentRow } from './assignments.repo.ts';

type BrokeringPermission = Extract<Permission, 'assignments.manage' | 'peers.own'>;

/** Brokering is the coordinator's; a peer reaches only their own offers. */
export function assertCan(actor: Actor, permission: BrokeringPermission): void {
  if (!can(actor.roles, permission)) throw forbidden();
}

/** One assignment is one day at most: its fee tiers (and the matching calendar) count within a day. */
const MAX_LENGTH_MS = 24 * 60 * 60_000;

/**
 * Creates an open assignment with its description and its fee, computed from the tenant's rules for
 * the year it takes place in and fixed from now on (the fee is agreed before the assignment).
 */
export async function createAssignment(ctx: Ctx, input: AssignmentBody): Promise<AssignmentView> {
  assertCan(ctx.actor, 'assignments.manage');
  const now = ctx.now();
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const fields: Record<string, FieldReason> = {};
  if (startsAt <= now) fields.startsAt = { key: 'field.invalid' };
  if (endsAt <= startsAt) fields.endsAt = { key: 'field.ends_before_start' };
  else if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_MS) fields.endsAt = { key: 'field.invalid' };
  if (!input.remote && !input.municipality) fields.municipality = { key: 'field.required' };
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });

  const tenant = await findTenant(ctx.db, ctx.actor.tenantId);
  // A year whose prisbasbelopp is not known yet answers a field error from the rules.
  const rules = defaultFeeRules(tenant.country, Number(dayIn(startsAt, tenant.country).slice(0, 4)));
  const fee = computeFee(rules, {
    minutes: Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000),
    travelMinutes: input.travelMinutes,
    km: input.km,
    pricedPerHour: input.pricedPerHour,
    extraPreparationMinutes: input.extraPreparationMinutes,
  });
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assignments)
      .values({
        tenantId: ctx.actor.tenantId,
        type: input.type,
        title: input.title,
        description: input.description,
        startsAt,
        endsAt,
        remote: input.remote,
        municipality: input.municipality || null,
        address: input.address || null,
        fee,
        status: 'open',
        createdBy: ctx.actor.userId,
        createdAt: now,
      })
      .returning({ id: assignments.id });
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'assignment.create', recordType: 'assignment', recordId: row!.id, details: { type: input.type, fee: fee.total } });
    return row!.id;
  });
  return getAssignment(ctx, id);
}

export async function findAssignments(ctx: Ctx, query: { status?: AssignmentRow['status']; limit: number; cursor?: string }) {
  assertCan(ctx.actor, 'assignments.manage');
  const offset = decodeOffset(query.cursor);
  return pageOf(await listAssignmentViews(ctx.db, ctx.actor.tenantId, { status: query.status, limit: query.limit, offset }), query.limit, offset);
}

export async function getAssignment(ctx: Ctx, id: string): Promise<AssignmentView> {
  assertCan(ctx.actor, 'assignments.manage');
  const [view] = await listAssignmentViews(ctx.db, ctx.actor.tenantId, { id, limit: 1, offset: 0 });
  if (!view) throw notFound();
  return view;
}
