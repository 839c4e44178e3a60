import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { idParams, listOf } from '../../lib/lists.ts';
import {
  cancelEnrolmentBody,
  cancelEnrolmentByTeamResult,
  cancelEnrolmentResult,
  currentEnrolmentView,
  ENROLMENT_TOKEN_HEADER,
  enrolmentAttendanceBody,
  enrolmentAttendanceQuery,
  enrolmentAttendanceView,
  enrolmentBody,
  enrolmentList,
  enrolmentListQuery,
  enrolmentResult,
  publicCoursesQuery,
  publicCourseView,
  staffAttendeesBody,
  staffAttendeesResult,
  unitIntroductionView,
} from '../../../shared/contracts/recovery-college.ts';
import { findPublicCourses, getPublicCourse } from './recovery-college.service.ts';
import { cancelByTeam, cancelByToken, enrol, findEnrolments, readCurrentEnrolment } from './enrolments.service.ts';
import { findEnrolmentAttendance, saveEnrolmentAttendance } from './enrolment-attendance.service.ts';
import { addStaffAttendees, findUnitIntroduction } from './staff-introduction.service.ts';

const courseParams = z.object({ courseId: z.uuid() });
const cohortParams = z.object({ cohortId: z.uuid() });
const unitParams = z.object({ unitId: z.uuid() });
const tokenHeaders = z.object({ [ENROLMENT_TOKEN_HEADER]: z.string().optional() });

/**
 * Recovery College: the public catalogue, enrolment without an account and the cancel page (its
 * link's token in `X-Enrolment-Token`); the team's enrolment lists and attendance, which a course
 * leader takes for their own sessions; and the staff introduction trainings held for a unit.
 */
export const recoveryCollegeRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  const publicConfig = { access: 'public' as const, rateLimit: { max: svc.config.rateLimitPerMinute, timeWindow: '1 minute' } };

  app.get('/api/public/courses', {
    config: publicConfig,
    schema: { tags: ['public'], summary: 'Recovery College courses with their upcoming runs, places left and waiting list; `?tenant=<slug>` for one organisation.', querystring: publicCoursesQuery, response: { 200: listOf(publicCourseView) } },
  }, async (request) => ({ items: await findPublicCourses(svc, request.query.tenant), nextCursor: null }));

  app.get('/api/public/courses/:courseId', {
    config: publicConfig,
    schema: { tags: ['public'], summary: 'One Recovery College course with its upcoming runs.', params: courseParams, response: { 200: publicCourseView } },
  }, async (request) => getPublicCourse(svc, request.params.courseId));

  app.post('/api/public/courses/:courseId/enrolments', {
    config: publicConfig,
    schema: {
      tags: ['public'],
      summary: 'Enrol in a run without an account: 201 with a place or on the waiting list; 200 when the address is enrolled already.',
      description: 'A confirmation (or waiting-list notice) with a cancel link is e-mailed in `locale`. Takes `Idempotency-Key`.',
      params: courseParams,
      body: enrolmentBody,
      response: { 200: enrolmentResult, 201: enrolmentResult },
    },
  }, async (request, reply) => {
    const { created, result } = await enrol(svc, request.params.courseId, request.body);
    return reply.code(created ? 201 : 200).send(result);
  });

  app.post('/api/public/enrolments/cancel', {
    config: publicConfig,
    schema: { tags: ['public'], summary: 'Cancel with the e-mailed link\'s token; the first on the waiting list gets the place.', body: cancelEnrolmentBody, response: { 200: cancelEnrolmentResult } },
  }, async (request) => cancelByToken(svc, request.body.token));

  app.get('/api/public/enrolments/current', {
    config: publicConfig,
    schema: { tags: ['public'], summary: 'The enrolment the cancel link opens (token in X-Enrolment-Token): course, dates, status.', headers: tokenHeaders, response: { 200: currentEnrolmentView } },
  }, async (request) => readCurrentEnrolment(svc, request.headers[ENROLMENT_TOKEN_HEADER] ?? null));

  app.get('/api/enrolments', {
    config: { access: 'training.manage' },
    schema: { tags: ['recovery-college'], summary: 'Who is enrolled in a run, in order, then the waiting list; cancelled apart. Audited.', querystring: enrolmentListQuery, response: { 200: enrolmentList } },
  }, async (request) => findEnrolments(request.ctx(), request.query.cohortId));

  app.post('/api/enrolments/:id/cancel', {
    config: { access: 'training.manage' },
    schema: { tags: ['recovery-college'], summary: 'Cancel on someone\'s behalf; the first on the waiting list moves up.', params: idParams, response: { 200: cancelEnrolmentByTeamResult } },
  }, async (request) => cancelByTeam(request.ctx(), request.params.id));

  app.get('/api/enrolment-attendance', {
    config: { access: 'training.lead' },
    schema: { tags: ['recovery-college'], summary: 'Attendance of a Recovery College or staff introduction session (the team, or a leader of the session).', querystring: enrolmentAttendanceQuery, response: { 200: enrolmentAttendanceView } },
  }, async (request) => findEnrolmentAttendance(request.ctx(), request.query.sessionId));

  app.put('/api/enrolment-attendance', {
    config: { access: 'training.lead' },
    schema: { tags: ['recovery-college'], summary: 'Save attendance for a session; records the hours of leaders who are peers (their fee).', body: enrolmentAttendanceBody, response: { 200: enrolmentAttendanceView } },
  }, async (request) => saveEnrolmentAttendance(request.ctx(), request.body));

  app.post('/api/staff-introductions/:cohortId/attendees', {
    config: { access: 'training.manage' },
    schema: { tags: ['recovery-college'], summary: 'Add a unit\'s staff to its introduction training (no e-mail is sent).', params: cohortParams, body: staffAttendeesBody, response: { 201: staffAttendeesResult } },
  }, async (request, reply) => reply.code(201).send(await addStaffAttendees(request.ctx(), request.params.cohortId, request.body)));

  app.get('/api/units/:unitId/introduction', {
    config: { access: 'training.manage' },
    schema: { tags: ['recovery-college'], summary: 'A unit\'s staff introduction trainings with how many staff attended.', params: unitParams, response: { 200: unitIntroductionView } },
  }, async (request) => findUnitIntroduction(request.ctx(), request.params.unitId));
};
