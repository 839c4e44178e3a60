import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { fiveWeekTemplate, type CohortCreated } from '../../../shared/contracts/training.ts';
import { isoWeekday, layOutSchedule, localTime } from './schedule.ts';
import { makeCohort, makeCourse, teamOf } from './training.test-support.ts';

const se = { country: 'SE', locale: 'sv', keepHolidays: false } as const;
const days = (sessions: { startsAt: Date }[]) => sessions.map((s) => localDay(s.startsAt));
const localDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(at);

describe('laying out the five-week template', () => {
  it('gives 15 sessions, Monday to Friday of weeks 1, 3 and 5, when no holiday hits', () => {
    const { sessions, skippedHolidays, endsOn } = layOutSchedule(fiveWeekTemplate, '2026-09-07', se);
    expect(sessions).toHaveLength(15);
    expect(skippedHolidays).toEqual([]);
    expect(sessions.map((s) => s.week)).toEqual([1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5]);
    expect(days(sessions).slice(0, 6)).toEqual(['2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11', '2026-09-21']);
    expect(days(sessions).every((d) => isoWeekday(d) <= 5)).toBe(true);
    expect(endsOn).toBe('2026-10-09');
  });

  it('skips Good Friday over Easter and reports it (Easter Monday falls in a reflection week)', () => {
    const { sessions, skippedHolidays } = layOutSchedule(fiveWeekTemplate, '2026-03-30', se);
    expect(skippedHolidays).toEqual([{ date: '2026-04-03', name: 'långfredagen' }, { date: '2026-05-01', name: 'första maj' }]);
    expect(days(sessions)).not.toContain('2026-04-03');
    expect(sessions).toHaveLength(13);
  });

  it('keeps the holidays flagged when asked to', () => {
    const { sessions, skippedHolidays } = layOutSchedule(fiveWeekTemplate, '2026-03-30', { ...se, keepHolidays: true });
    expect(skippedHolidays).toEqual([]);
    expect(sessions).toHaveLength(15);
    expect(sessions.find((s) => localDay(s.startsAt) === '2026-04-03')?.holidayName).toBe('långfredagen');
    expect(sessions.filter((s) => s.holidayName)).toHaveLength(2);
  });

  it("uses Denmark's public holidays, named in Danish, for a Danish tenant", () => {
    const { skippedHolidays } = layOutSchedule(fiveWeekTemplate, '2026-03-30', { country: 'DK', locale: 'da', keepHolidays: false });
    expect(skippedHolidays).toEqual([{ date: '2026-04-02', name: 'Skærtorsdag' }, { date: '2026-04-03', name: 'Langfredag' }]);
  });

  it('holds 09:00 local time on both sides of the change from summer time', () => {
    const { sessions } = layOutSchedule(fiveWeekTemplate, '2026-10-19', se);
    expect(sessions[0]!.startsAt.toISOString()).toBe('2026-10-19T07:00:00.000Z');
    expect(sessions[5]!.startsAt.toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect(sessions[5]!.endsAt.toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(localTime('2026-03-29', '03:30', 'SE').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('a cohort made from the template', () => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof teamOf>>;
  beforeAll(async () => {
    t = await createTestApp();
    team = await teamOf(t);
  });
  afterAll(() => t.close());

  it('answers the generated sessions and the holidays left out, at the place and with the leaders given', async () => {
    const cohort: CohortCreated = await makeCohort(t, team.tove, { startsOn: '2026-03-30', place: 'Vaksalagatan 99', leaderUserIds: [team.toveId, team.tageId] });
    expect(cohort.skippedHolidays.map((h) => h.date)).toEqual(['2026-04-03', '2026-05-01']);
    expect(cohort.sessions).toHaveLength(13);
    expect(cohort).toMatchObject({ startsOn: '2026-03-30', endsOn: '2026-05-01', status: 'planned', counts: { sessions: 13, participants: 0 } });
    expect(cohort.sessions[0]).toMatchObject({ place: 'Vaksalagatan 99', topic: '', week: 1, holidayName: null, attendanceTaken: false });
    expect(cohort.sessions[0]!.leaders.map((l) => l.name).sort()).toEqual(['Tage Utbildare', 'Tove Utbildare']);
  });

  it('refuses a start that is not a Monday, and a course template whose day ends before it starts', async () => {
    const course = await makeCourse(t, team.tove);
    await expect(makeCohort(t, team.tove, { courseId: course.id, startsOn: '2026-03-31' })).rejects.toThrow(/400.*startsOn/);
    const badWeek = { week: 1, kind: 'study' as const, days: [1], startTime: '15:00', endTime: '09:00' };
    await expect(makeCourse(t, team.tove, { scheduleTemplate: { weeks: [badWeek] } })).rejects.toThrow(/400.*scheduleTemplate/);
  });
});
