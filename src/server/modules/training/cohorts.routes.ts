import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { decodeOffset, idParams, listOf, pageOf } from '../../lib/lists.ts';
import {
  attendanceBody,
  attendanceQuery,
  attendanceRoll,
  cohortBody,
  cohortCreated,
  cohortDetail,
  cohortPatch,
  cohortsQuery,
  cohortSummary,
  leaderOption,
  mySessionsQuery,
  mySessionView,
  participantPatch,
  participantsQuery,
  participantView,
  placeBody,
  placeResult,
  sessionBody,
  sessionPatch,
  sessionsQuery,
  sessionView,
} from '../../../shared/contracts/training.ts';
import { createCohort, findCohorts, getCohort, updateCohort } from './cohorts.service.ts';
import { addSession, deleteSession, findLeaders, findMySessions, findSessions, updateSession } from './sessions.service.ts';
import { findParticipants, placeInCohort, readParticipant, setLivelihood } from './placement.service.ts';
import { getRoll, saveAttendance } from './attendance.service.ts';

const tags = ['training'];

export const cohortsRoutes = (_svc: Services): FastifyPluginAsyncZod => async (app) => {
  // ------------------------------------------------------------ cohorts
  app.get('/api/cohorts', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'List cohorts (runs of a course) with counts of sessions and participants.', querystring: cohortsQuery, response: { 200: listOf(cohortSummary) } },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const offset = decodeOffset(cursor);
    return pageOf(await findCohorts(request.ctx(), { ...filter, limit, offset }), limit, offset);
  });

  app.post('/api/cohorts', {
    config: { access: 'training.manage' },
    schema: {
      tags,
      summary: "Make a cohort from its course's template and a start Monday; public holidays are skipped and listed (or kept and flagged with keepHolidays).",
      body: cohortBody,
      response: { 201: cohortCreated },
    },
  }, async (request, reply) => reply.code(201).send(await createCohort(request.ctx(), request.body)));

  app.get('/api/cohorts/:id', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'A cohort with its sessions and participants (with attendance).', params: idParams, response: { 200: cohortDetail } },
  }, async (request) => getCohort(request.ctx(), request.params.id));

  app.patch('/api/cohorts/:id', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Change title, place, status, dates or leaders; sessions are edited one by one.', params: idParams, body: cohortPatch, response: { 200: cohortDetail } },
  }, async (request) => updateCohort(request.ctx(), request.params.id, request.body));

  app.post('/api/cohorts/:id/place', {
    config: { access: 'training.manage' },
    schema: {
      tags,
      summary: 'Place admitted applications (and people added by hand) in a cohort: participant, account and welcome e-mail for each.',
      params: idParams,
      body: placeBody,
      response: { 200: placeResult },
    },
  }, async (request) => placeInCohort(request.ctx(), request.params.id, request.body));

  // ------------------------------------------------------------ sessions
  app.get('/api/sessions', {
    config: { access: 'training.manage' },
    schema: { tags, summary: "A cohort's sessions by start time.", querystring: sessionsQuery, response: { 200: listOf(sessionView) } },
  }, async (request) => ({ items: await findSessions(request.ctx(), request.query.cohortId), nextCursor: null }));

  // Before `/:id`, so that "mine" is never read as an id.
  app.get('/api/sessions/mine', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Sessions I lead or take part in, from a day (default today), soonest first.', querystring: mySessionsQuery, response: { 200: listOf(mySessionView) } },
  }, async (request) => {
    const { limit, cursor, from } = request.query;
    const offset = decodeOffset(cursor);
    return pageOf(await findMySessions(request.ctx(), { from, limit, offset }), limit, offset);
  });

  app.post('/api/sessions', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Add a session to a cohort.', body: sessionBody, response: { 201: sessionView } },
  }, async (request, reply) => reply.code(201).send(await addSession(request.ctx(), request.body)));

  app.patch('/api/sessions/:id', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Change a session: time, place, topic, course leaders, materials.', params: idParams, body: sessionPatch, response: { 200: sessionView } },
  }, async (request) => updateSession(request.ctx(), request.params.id, request.body));

  app.delete('/api/sessions/:id', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Remove a session; one with attendance taken cannot be removed (409).', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteSession(request.ctx(), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/course-leaders', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Who can lead a session: active trainers and peers of your tenant.', response: { 200: listOf(leaderOption) } },
  }, async (request) => ({ items: await findLeaders(request.ctx()), nextCursor: null }));

  // ------------------------------------------------------------ participants
  app.get('/api/participants', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Participants with their attendance rate, by name.', querystring: participantsQuery, response: { 200: listOf(participantView) } },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const offset = decodeOffset(cursor);
    return pageOf(await findParticipants(request.ctx(), { ...filter, limit, offset }), limit, offset);
  });

  app.get('/api/participants/:id', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'One participant, with livelihood (the training team only). Audited.', params: idParams, response: { 200: participantView } },
  }, async (request) => readParticipant(request.ctx(), request.params.id));

  app.patch('/api/participants/:id', {
    config: { access: 'training.manage' },
    schema: { tags, summary: "Record the participant's livelihood during the training. Audited.", params: idParams, body: participantPatch, response: { 200: participantView } },
  }, async (request) => setLivelihood(request.ctx(), request.params.id, request.body.livelihood));

  // ------------------------------------------------------------ attendance
  app.get('/api/attendance', {
    config: { access: 'training.lead' },
    schema: { tags, summary: "A session's roll: the active participants and their status (null: not taken). For the team or the session's leaders.", querystring: attendanceQuery, response: { 200: attendanceRoll } },
  }, async (request) => getRoll(request.ctx(), request.query.sessionId));

  app.put('/api/attendance', {
    config: { access: 'training.lead' },
    schema: { tags, summary: "Save a session's attendance for the whole group in one call; a peer leading it gets the hours.", body: attendanceBody, response: { 200: attendanceRoll } },
  }, async (request) => saveAttendance(request.ctx(), request.body));
};
