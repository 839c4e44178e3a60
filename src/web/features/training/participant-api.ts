/** The API paths of the team's work with participants (src/server/modules/training/training-work.routes.ts). */
const id = (value: string) => encodeURIComponent(value);

export const participantApi = {
  participant: (participantId: string) => `/api/participants/${id(participantId)}`,
  notes: (participantId: string) => `/api/participants/${id(participantId)}/notes`,
  completion: (participantId: string) => `/api/participants/${id(participantId)}/completion`,
  complete: (participantId: string) => `/api/participants/${id(participantId)}/complete`,
  interrupt: (participantId: string) => `/api/participants/${id(participantId)}/interrupt`,
  checkins: '/api/check-ins',
  checkinSeen: (checkinId: string) => `/api/check-ins/${id(checkinId)}/seen`,
  tasks: '/api/reflection-tasks',
  taskSubmissions: (taskId: string) => `/api/reflection-tasks/${id(taskId)}/submissions`,
  feedback: (submissionId: string) => `/api/task-submissions/${id(submissionId)}/feedback`,
  submissionFile: (submissionId: string) => `/api/task-submissions/${id(submissionId)}/file`,
  cohort: (cohortId: string) => `/api/cohorts/${id(cohortId)}`,
  course: (courseId: string) => `/api/courses/${id(courseId)}`,
};
