import type { Actor } from '../../context.ts';
import { can, type Permission } from '../../../shared/permissions.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import type { ApplicationStage, Decision } from '../../../shared/contracts/recruitment.ts';
import { finalStages } from './application-stages.ts';

type RecruitmentPermission = Extract<Permission, 'intakes.manage' | 'applications.read' | 'applications.review' | 'applications.decide'>;

/** Recruitment is the training team's alone: the personal letter is never shown to other roles. */
export function assertCan(actor: Actor, permission: RecruitmentPermission): void {
  if (!can(actor.roles, permission)) throw forbidden();
}

/** Reviews judge the letter, so they happen before the interview is over. */
const assessableStages: readonly ApplicationStage[] = ['received', 'under_review', 'interview_invited'];

export function assertCanAssess(stage: ApplicationStage): void {
  if (!assessableStages.includes(stage)) throw new AppError('WRONG_STAGE');
}

/** Where a bulk move may take an application from; anything else is skipped, not moved back. */
export const moveSources: Record<'under_review' | 'interview_invited', readonly ApplicationStage[]> = {
  under_review: ['received'],
  interview_invited: ['received', 'under_review'],
};

/**
 * Admission and the waitlist need an interview (seed 002: selection by letter, then interview);
 * a "no" may come at any point before a final decision, and a waitlisted applicant may still get one.
 */
const decisionSources: Record<Decision, readonly ApplicationStage[]> = {
  admitted: ['interviewed', 'waitlisted'],
  waitlisted: ['interviewed'],
  not_admitted: ['received', 'under_review', 'interview_invited', 'interviewed', 'waitlisted'],
};

export function assertCanDecide(stage: ApplicationStage, decision: Decision): void {
  if (!decisionSources[decision].includes(stage)) throw new AppError('WRONG_STAGE');
}

/** Until admitted or turned down, an applicant can step back; a waitlisted one too. */
export function assertCanWithdraw(stage: ApplicationStage): void {
  if (finalStages.includes(stage) && stage !== 'waitlisted') throw new AppError('WRONG_STAGE');
}

/**
 * Calendar days are those of the programs (Sweden and Denmark share the zone): an interview at
 * 09:30 belongs to that day, and "today" turns at local midnight.
 */
export const PROGRAM_TIME_ZONE = 'Europe/Stockholm';
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: PROGRAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (`YYYY-MM-DD`) of a moment, in the programs' time zone. */
export const dayOf = (at: Date): string => dayFormat.format(at);

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds months to a day; the 31st becomes the last day of a shorter month. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The decision promise: the last day a decision is due, counted from the interview day. */
export const decisionDueOn = (interviewAt: Date, decisionDays: number): string => addDays(dayOf(interviewAt), decisionDays);

/** Not admitted or withdrawn: everything is deleted this day (told to the applicant in the letter). */
export const purgeDayFrom = (now: Date, retentionMonths: number): string => addMonths(dayOf(now), retentionMonths);
