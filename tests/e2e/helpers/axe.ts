import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe (WCAG 2.1 A and AA) on the page as it is now and fails with one readable line per
 * offending element: rule id, what it asks for, and the selector to find the element.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await settleAnimations(page);
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  const found = violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — at ${n.target.map(String).join(' >> ')}`),
  );
  if (found.length === 0) return;
  const where = new URL(page.url()).pathname;
  throw new Error(`axe found ${found.length} WCAG 2.1 AA violation(s) on ${where}:\n  - ${found.join('\n  - ')}`);
}

/** A dialog fading in has, for a moment, too little contrast; axe should judge the settled page. */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.race([Promise.allSettled(finite.map((a) => a.finished)), new Promise((r) => setTimeout(r, 3000))]);
  });
}
