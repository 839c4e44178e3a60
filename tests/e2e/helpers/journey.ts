import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openContext, type Viewport } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

const shotsDir = path.resolve(import.meta.dirname, '../../../test-results/e2e');

export interface Journey {
  readonly origin: string;
  /** A new, signed-out browser profile; closed when the test ends. */
  open(viewport: Viewport, locale?: string): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * One server with fresh demo data and one Chromium per journey file, so no journey sees what
 * another changed (a language choice, a deactivated user). A failed test leaves a screenshot of
 * each of its pages in test-results/e2e.
 */
export function useJourney(): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      fs.mkdirSync(shotsDir, { recursive: true });
      const base = task.name.replace(/[^\w-]+/g, '-').slice(0, 80);
      const pages = contexts.flatMap((c) => c.pages());
      await Promise.all(pages.map((p, i) => p.screenshot({ path: path.join(shotsDir, `${base}-${i + 1}.png`), fullPage: true }).catch(() => undefined)));
    }
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    contexts = [];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get origin() {
      if (!server) throw new Error('the journey server is not running');
      return server.origin;
    },
    async open(viewport, locale) {
      if (!browser || !server) throw new Error('the journey has not started');
      const opened = await openContext(browser, server.origin, viewport, locale);
      contexts.push(opened.context);
      return opened;
    },
  };
}
