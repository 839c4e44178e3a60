import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { decodeOffset, idParams, listOf, pageOf } from '../../lib/lists.ts';
import { courseBody, coursePatch, coursesQuery, courseView } from '../../../shared/contracts/training.ts';
import { createCourse, findCourses, getCourse, updateCourse } from './courses.service.ts';

export const coursesRoutes = (_svc: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/courses', {
    config: { access: 'training.manage' },
    schema: { tags: ['training'], summary: "List your tenant's courses: peer trainings, Recovery College courses, staff introductions.", querystring: coursesQuery, response: { 200: listOf(courseView) } },
  }, async (request) => {
    const { limit, cursor, kind } = request.query;
    const offset = decodeOffset(cursor);
    return pageOf(await findCourses(request.ctx(), { kind, limit, offset }), limit, offset);
  });

  app.post('/api/courses', {
    config: { access: 'training.manage' },
    schema: { tags: ['training'], summary: 'Create a course with its schedule template (default: the five-week pattern) and completion rule.', body: courseBody, response: { 201: courseView } },
  }, async (request, reply) => reply.code(201).send(await createCourse(request.ctx(), request.body)));

  app.get('/api/courses/:id', {
    config: { access: 'training.manage' },
    schema: { tags: ['training'], params: idParams, response: { 200: courseView } },
  }, async (request) => getCourse(request.ctx(), request.params.id));

  app.patch('/api/courses/:id', {
    config: { access: 'training.manage' },
    schema: { tags: ['training'], summary: "Change a course; existing cohorts keep the sessions they were made with.", params: idParams, body: coursePatch, response: { 200: courseView } },
  }, async (request) => updateCourse(request.ctx(), request.params.id, request.body));
};
