import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openContext, type Viewport } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../../../src/server/modules/mail/mail.smtp-capture.ts';

const shotsDir = path.resolve(import.meta.dirname, '../../../test-results/e2e');

export interface Journey {
  readonly origin: string;
  /** With `{ smtp: true }`: the real SMTP server on loopback that the app sends its e-mail to. */
  readonly mailbox: SmtpCapture;
  /**
   * Stops the server, runs `whileStopped` with its data folder (e.g. a CLI command that needs the
   * embedded database to itself), and starts it again on the same data and port.
   */
  restartServer(whileStopped: (env: { dataDir: string }) => Promise<void>): Promise<void>;
  /** Waits (up to 20 s) for an e-mail to `to` whose subject matches, and answers it. */
  waitForMail(to: string, subject: RegExp): Promise<CapturedMail>;
  /** A new, signed-out browser profile; closed when the test ends. */
  open(viewport: Viewport, locale?: string): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * One server with fresh demo data and one Chromium per journey file, so no journey sees what
 * another changed (a language choice, a deactivated user). A failed test leaves a screenshot of
 * each of its pages in test-results/e2e.
 */
export function useJourney(opts: { smtp?: boolean } = {}): Journey {
  let server: RunningServer | undefined;
  let mailbox: SmtpCapture | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (opts.smtp) mailbox = await startSmtpCapture();
    server = await startServer(mailbox ? { SMTP_URL: mailbox.url } : {});
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
    await mailbox?.close();
  });

  return {
    get origin() {
      if (!server) throw new Error('the journey server is not running');
      return server.origin;
    },
    async restartServer(whileStopped) {
      if (!server) throw new Error('the journey server is not running');
      const { dataDir, port } = server;
      await server.stop({ keepData: true });
      server = undefined;
      try {
        await whileStopped({ dataDir });
      } finally {
        server = await startServer(mailbox ? { SMTP_URL: mailbox.url } : {}, { dataDir, port });
      }
    },
    get mailbox() {
      if (!mailbox) throw new Error('start the journey with useJourney({ smtp: true }) to receive e-mail');
      return mailbox;
    },
    async waitForMail(to, subject) {
      const box = this.mailbox;
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const found = box.messages.find((m) => m.to.includes(to) && subject.test(m.subject));
        if (found) return found;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`No e-mail to ${to} matching ${subject} within 20 s; received: ${box.messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ')}`);
    },
    async open(viewport, locale) {
      if (!browser || !server) throw new Error('the journey has not started');
      const opened = await openContext(browser, server.origin, viewport, locale);
      contexts.push(opened.context);
      return opened;
    },
  };
}
