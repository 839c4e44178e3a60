import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { EnrolmentResult, PublicCourseView, PublicRunView } from '../../../src/shared/contracts/recovery-college.ts';
import { RECOVERY_COLLEGE_COURSE_TITLE } from '../../../src/server/demo/training-seed.ts';
import type { CapturedMail } from '../../../src/server/modules/mail/mail.smtp-capture.ts';

/** Fails when the page is wider than the screen: on a phone nothing may need sideways scrolling. */
export async function expectNoSideScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${new URL(page.url()).pathname} scrolls sideways`).toBeLessThanOrEqual(client);
}

/** The demo tenant's Recovery College course as the public catalogue answers it. */
export async function demoRecoveryCourse(origin: string): Promise<PublicCourseView> {
  const res = await fetch(`${origin}/api/public/courses?tenant=region-demo`);
  expect(res.status).toBe(200);
  const { items } = (await res.json()) as { items: PublicCourseView[] };
  const course = items.find((c) => c.title.sv === RECOVERY_COLLEGE_COURSE_TITLE);
  if (!course) throw new Error(`The demo catalogue lacks "${RECOVERY_COLLEGE_COURSE_TITLE}": ${items.map((c) => c.title.sv).join(', ')}`);
  return course;
}

/** The run with no places left, as the demo seeds it. */
export function fullRunOf(course: PublicCourseView): PublicRunView {
  const run = course.runs.find((r) => r.placesLeft === 0);
  if (!run) throw new Error(`No full run in ${JSON.stringify(course.runs.map((r) => [r.startsOn, r.placesLeft]))}`);
  return run;
}

/** Someone enrols through the public API, as from another device. */
export async function enrolByApi(origin: string, courseId: string, who: { cohortId: string; name: string; email: string }): Promise<EnrolmentResult> {
  const res = await fetch(`${origin}/api/public/courses/${courseId}/enrolments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...who, locale: 'sv' }),
  });
  if (!res.ok) throw new Error(`enrolment answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as EnrolmentResult;
}

/** The cancel link in an e-mail, as a path the browser can open (`/recovery-college/cancel#<token>`). */
export function cancelLinkIn(mail: CapturedMail): string {
  const url = mail.text.match(/https?:\/\/\S+\/recovery-college\/cancel#[\w-]+/)?.[0];
  if (!url) throw new Error(`No cancel link in "${mail.subject}":\n${mail.text}`);
  const { pathname, hash } = new URL(url);
  return pathname + hash;
}
