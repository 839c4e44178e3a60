import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import type { Services } from '../../context.ts';
import { idParams, listOf } from '../../lib/lists.ts';
import {
  checkinBody,
  checkinsQuery,
  completeBody,
  completionView,
  feedbackBody,
  followUpNoteBody,
  followUpNoteView,
  interruptBody,
  myCheckinView,
  myTrainingView,
  reflectionTaskBody,
  reflectionTaskPatch,
  reflectionTasksQuery,
  reflectionTaskView,
  submissionBody,
  TASK_FILE_MAX_BYTES,
  taskSubmissionRow,
  taskSubmissionView,
  teamCheckinView,
} from '../../../shared/contracts/training-work.ts';
import { createTask, deleteTask, findTasks, readTask, updateTask } from './tasks.service.ts';
import { findSubmissions, giveFeedback, readSubmissionFile, submitHandIn } from './task-submissions.service.ts';
import { handInFromBody, onTaskFile, taskMultipartLimits } from './task-file.ts';
import { createNote, findNotes } from './follow-up.service.ts';
import { findCheckins, markFlagSeen, submitCheckin } from './checkins.service.ts';
import { completeParticipant, interruptParticipant, readCertificate, readCompletion } from './completion.service.ts';
import { getMyTraining } from './my-training.service.ts';

const tags = ['training'];
const contentDisposition = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\w.-]+/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/**
 * The participant's work in a training: reflection tasks, hand-ins and feedback, the team's
 * follow-up notes, weekly check-ins, completion with certificate, and the participant's own view.
 */
export const trainingWorkRoutes = (_svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/reflection-tasks', {
    config: { access: 'training.manage' },
    schema: { tags, summary: "A cohort's reflection tasks by due date, with how many have handed in.", querystring: reflectionTasksQuery, response: { 200: listOf(reflectionTaskView) } },
  }, async (request) => ({ items: await findTasks(request.ctx(), request.query.cohortId), nextCursor: null }));

  app.post('/api/reflection-tasks', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Set a task for a reflection week of the cohort.', body: reflectionTaskBody, response: { 201: reflectionTaskView } },
  }, async (request, reply) => reply.code(201).send(await createTask(request.ctx(), request.body)));

  app.get('/api/reflection-tasks/:id', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'One reflection task with its counts.', params: idParams, response: { 200: reflectionTaskView } },
  }, async (request) => readTask(request.ctx(), request.params.id));

  app.patch('/api/reflection-tasks/:id', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Change a reflection task.', params: idParams, body: reflectionTaskPatch, response: { 200: reflectionTaskView } },
  }, async (request) => updateTask(request.ctx(), request.params.id, request.body));

  app.delete('/api/reflection-tasks/:id', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Remove a task nobody has handed in yet (else 409).', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteTask(request.ctx(), request.params.id);
    return reply.code(204).send(null);
  });

  // Only the hand-in takes multipart: the parser stays inside this child plugin.
  await app.register(async (scope) => {
    const files = scope.withTypeProvider<ZodTypeProvider>();
    await files.register(multipart, { attachFieldsToBody: 'keyValues', onFile: onTaskFile, limits: taskMultipartLimits });
    // The body is validated in `handInFromBody`, JSON and multipart alike; the schema still documents the JSON form.
    files.setValidatorCompiler<$ZodType>((route) => (route.httpPart === 'body' && route.schema === submissionBody ? (data: unknown) => ({ value: data }) : validatorCompiler(route)));
    files.put('/api/reflection-tasks/:id/submission', {
      config: { access: 'training.participate' },
      bodyLimit: TASK_FILE_MAX_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary: 'Hand in (or replace, until feedback is given) your answer to a task of your cohort.',
        description: 'JSON `{ text }`, or multipart/form-data with the field `text` and the file `file` (PDF, DOCX, ODT, JPEG or PNG, at most 10 MB).',
        consumes: ['application/json', 'multipart/form-data'],
        params: idParams,
        body: submissionBody,
        response: { 200: taskSubmissionView },
      },
    }, async (request) => submitHandIn(request.ctx(), request.params.id, handInFromBody(request.body, request.isMultipart())));
  });

  app.get('/api/reflection-tasks/:id/submissions', {
    config: { access: 'training.manage' },
    schema: {
      tags,
      summary: "Every participant of the task's cohort with their hand-in (or one participant's, `?participantId=`). Each hand-in read is audited.",
      params: idParams,
      querystring: z.object({ participantId: z.uuid().optional() }),
      response: { 200: listOf(taskSubmissionRow) },
    },
  }, async (request) => ({ items: await findSubmissions(request.ctx(), request.params.id, request.query.participantId), nextCursor: null }));

  app.get('/api/task-submissions/:id/file', {
    config: { access: 'authenticated' },
    schema: { tags, summary: "A hand-in's file, for the team (audited) or the participant who handed it in.", params: idParams, response: { 200: z.any().describe('The file') } },
  }, async (request, reply) => {
    const file = await readSubmissionFile(request.ctx(), request.params.id);
    return reply.type(file.mimeType).header('Content-Disposition', contentDisposition(file.filename)).header('Cache-Control', 'no-store').send(file.bytes);
  });

  app.post('/api/task-submissions/:id/feedback', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Written feedback on a hand-in; the participant is told by e-mail.', params: idParams, body: feedbackBody, response: { 200: taskSubmissionView } },
  }, async (request) => giveFeedback(request.ctx(), request.params.id, request.body.feedback));

  app.get('/api/participants/:id/notes', {
    config: { access: 'training.manage' },
    schema: { tags, summary: "The team's follow-up notes on a participant, oldest first. Private to the team; audited.", params: idParams, response: { 200: listOf(followUpNoteView) } },
  }, async (request) => ({ items: await findNotes(request.ctx(), request.params.id), nextCursor: null }));

  app.post('/api/participants/:id/notes', {
    config: { access: 'training.manage' },
    schema: { tags, summary: "A dated note on the participant's process.", params: idParams, body: followUpNoteBody, response: { 201: followUpNoteView } },
  }, async (request, reply) => reply.code(201).send(await createNote(request.ctx(), request.params.id, request.body.note)));

  app.put('/api/check-ins', {
    config: { access: 'training.participate' },
    schema: { tags, summary: 'Your check-in for a study week that has started; a drop alerts the team.', body: checkinBody, response: { 200: myCheckinView } },
  }, async (request) => submitCheckin(request.ctx(), request.body));

  app.get('/api/check-ins', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Check-ins, newest first; filter by cohort, participant or flag. Comments are audited.', querystring: checkinsQuery, response: { 200: listOf(teamCheckinView) } },
  }, async (request) => {
    const { flagged, ...filter } = request.query;
    return { items: await findCheckins(request.ctx(), { ...filter, flagged: flagged === undefined ? undefined : flagged === 'true' }), nextCursor: null };
  });

  app.post('/api/check-ins/:id/seen', {
    config: { access: 'training.manage' },
    schema: { tags, summary: "Mark a flagged check-in as seen (who and when are kept).", params: idParams, response: { 200: teamCheckinView } },
  }, async (request) => markFlagSeen(request.ctx(), request.params.id));

  app.get('/api/participants/:id/completion', {
    config: { access: 'training.manage' },
    schema: { tags, summary: "Whether the course's completion criteria are met, with the figures.", params: idParams, response: { 200: completionView } },
  }, async (request) => readCompletion(request.ctx(), request.params.id));

  app.post('/api/participants/:id/complete', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Confirm completion: certificate, peer profile, e-mail. Below the criteria only with `override` and a reason (else 409).', params: idParams, body: completeBody, response: { 200: completionView } },
  }, async (request) => completeParticipant(request.ctx(), request.params.id, request.body));

  app.post('/api/participants/:id/interrupt', {
    config: { access: 'training.manage' },
    schema: { tags, summary: 'Interrupt the course, with a reason and whether they may return to a later cohort.', params: idParams, body: interruptBody, response: { 200: completionView } },
  }, async (request) => interruptParticipant(request.ctx(), request.params.id, request.body));

  app.get('/api/participants/:id/certificate.pdf', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The certificate (A4 PDF, in the participant\'s language), for the team or the participant themself.', params: idParams, response: { 200: z.any().describe('A4 PDF') } },
  }, async (request, reply) => {
    const file = await readCertificate(request.ctx(), request.params.id);
    return reply.type('application/pdf').header('Content-Disposition', contentDisposition(file.filename)).header('Cache-Control', 'no-store').send(file.bytes);
  });

  app.get('/api/my-training', {
    config: { access: 'training.participate' },
    schema: { tags, summary: 'Your training: sessions and attendance, tasks and feedback, check-ins, certificate.', response: { 200: myTrainingView } },
  }, async (request) => getMyTraining(request.ctx()));
};
