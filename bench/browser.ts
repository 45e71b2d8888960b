/**
 * The browser part: real Chromium (headless) against a running Triage. Every time is taken inside
 * the page on its own clock (performance.now(), event.timeStamp), so Playwright's round trips are
 * not in the figures. The UI contract it relies on: each task is an <article> with a "Complete"
 * button, `e` completes the focused task, and `<html data-shortcuts="ready">` says the app has
 * taken the page over (the first cards come rendered by the server, before any handler exists).
 */
import { type Browser, type BrowserContext, type Page, chromium } from '@playwright/test';
import type { BrowserResult, ColdLoadFigures, LongTaskFigures } from './results-schema';
import { median, round, summarize } from './stats';
import { CHROMIUM_ARGS } from '../scripts/ensure-chromium.mjs';
import { startStaticFirstView } from './static-first-view';


export type BrowserSettings = {
  appUrl: string;
  chromePath: string;
  tasks: number;
  coldRuns: number;
  completeActions: number;
  loadTarget: number;
  deadlineMs: number;
  log: (line: string) => void;
};

type LongTask = { start: number; duration: number };

type BenchWindow = {
  __bench: {
    firstArticleAt: number | null;
    firstArticleFrameAt: number | null;
    firstArticlePaintAt: number | null;
    readyAt: number | null;
    longTasks: LongTask[];
    removals: number[];
    tracking: { el: Element; at: number | null } | null;
    track(el: Element): void;
    untrack(): void;
  };
};

/** What the probes print once the first card's paint is measured, and once the app has taken the page over. */
export const FIRST_CARD_MESSAGE = 'triage-bench: first card measured';
export const APP_READY_MESSAGE = 'triage-bench: app ready';

/** The app has taken the page over: its handlers run and keys work. */
const APP_READY = 'html[data-shortcuts="ready"]';

/**
 * Installed before any of the app's scripts: records when the first task card enters the DOM (and
 * the frame after, and its element-timing paint when Chromium reports one), when the app has taken
 * the page over, every long task, and how long a tracked card takes to leave the DOM after the
 * event that removes it.
 * Plain JavaScript in a string: a function would pass through tsx, whose name-keeping helpers do
 * not exist in the page.
 */
export const PROBES_SCRIPT = `(() => {
  const bench = {
    firstArticleAt: null,
    firstArticleFrameAt: null,
    firstArticlePaintAt: null,
    readyAt: null,
    longTasks: [],
    removals: [],
    tracking: null,
  };
  window.__bench = bench;
  // Tells the bench the first card is measured through a console message, which reaches it
  // without anything being evaluated in the page: polling from Playwright would inject its
  // script (~330 kB) into the loading page and delay the very parse being measured.
  let announced = false;
  const announceFirstCard = () => {
    if (announced) return;
    announced = true;
    console.debug(${JSON.stringify(FIRST_CARD_MESSAGE)});
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.identifier === 'bench-first-task' && bench.firstArticlePaintAt === null) {
          bench.firstArticlePaintAt = e.renderTime || e.startTime;
          if (bench.firstArticleFrameAt !== null) announceFirstCard();
        }
      }
    }).observe({ type: 'element', buffered: true });
  } catch {
    // An engine without these entry types: the figures that need them stay empty.
  }
  // Observing every DOM change costs the page time, so the observer runs only until the first
  // card appears and while a tracked card is on its way out.
  const observer = new MutationObserver(() => {
    if (bench.firstArticleAt === null) {
      const article = document.querySelector('article');
      if (article) {
        bench.firstArticleAt = performance.now();
        // Element timing reports the paint of the card's text; the attribute is set before that paint.
        const text = article.querySelector('h1,h2,h3,h4,p,span');
        if (text) text.setAttribute('elementtiming', 'bench-first-task');
        requestAnimationFrame(() => {
          bench.firstArticleFrameAt = performance.now();
          // Element timing arrives after the paint; without it (an engine that lacks it), the frame stands in.
          if (bench.firstArticlePaintAt !== null) announceFirstCard();
          else setTimeout(announceFirstCard, 1000);
        });
      }
    }
    const t = bench.tracking;
    if (t && t.at !== null && !t.el.isConnected) {
      bench.removals.push(performance.now() - t.at);
      bench.tracking = null;
    }
    if (bench.firstArticleAt !== null && bench.tracking === null) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  const readiness = new MutationObserver(() => {
    if (document.documentElement.dataset.shortcuts !== 'ready') return;
    bench.readyAt = performance.now();
    readiness.disconnect();
    console.debug(${JSON.stringify(APP_READY_MESSAGE)});
  });
  readiness.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-shortcuts'] });
  bench.track = (el) => {
    bench.tracking = { el, at: null };
    observer.observe(document, { childList: true, subtree: true });
  };
  bench.untrack = () => {
    bench.tracking = null;
    observer.disconnect();
  };
  // The event's own timeStamp: when the browser received the input, before any handler ran.
  window.addEventListener('keydown', (e) => {
    const t = bench.tracking;
    if (t && t.at === null && e.key === 'e') t.at = e.timeStamp;
  }, true);
  window.addEventListener('click', (e) => {
    const t = bench.tracking;
    const button = e.target && e.target.closest ? e.target.closest('button') : null;
    if (t && t.at === null && button && button.textContent.trim() === 'Complete') t.at = e.timeStamp;
  }, true);
})();`;

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: PROBES_SCRIPT });
  return context;
}

function collectErrors(page: Page, into: string[]): void {
  page.on('pageerror', (e) => into.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') into.push(`console error: ${m.text()}`);
  });
}

/** How long the run keeps counting requests after the last action: past the counts' refresh (2 s). */
const AFTER_ACTIONS_MS = 4_000;

type ColdLoad = { inDom: number; painted: number; ready: number | null };

function coldLoadFigures(loads: ColdLoad[]): ColdLoadFigures {
  const ready = loads.flatMap((l) => (l.ready === null ? [] : [l.ready]));
  return {
    runs: loads.map((l) => round(l.painted)),
    medianMs: round(median(loads.map((l) => l.painted))),
    firstInDomMedianMs: round(median(loads.map((l) => l.inDom))),
    ...(ready.length === loads.length && ready.length > 0 ? { readyMedianMs: round(median(ready)) } : {}),
  };
}

/**
 * How long a new window is left alone before the navigation. Headless Chromium builds each new
 * window's own interface pages (the address bar's popup, as WebUI) in the first few hundred ms,
 * on the same two cores as the page; a user's browser did that when its window opened, not when
 * they typed our address. The context is still new: no cache, no cookies, no storage.
 */
const WINDOW_SETTLE_MS = 1_000;

/** A load of the app (which takes the page over) or of the static copy (which has no scripts). */
async function coldLoad(browser: Browser, url: string, errors: string[], { app }: { app: boolean }): Promise<ColdLoad> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    collectErrors(page, errors);
    await page.waitForTimeout(WINDOW_SETTLE_MS);
    // Nothing of Playwright's may run in the page until the measures are taken (see the probes).
    const message = (text: string) => page.waitForEvent('console', { predicate: (m) => m.text() === text, timeout: 30_000 });
    const measured = Promise.all([message(FIRST_CARD_MESSAGE), app ? message(APP_READY_MESSAGE) : null]);
    await page.goto(url, { waitUntil: 'commit' });
    await measured;
    const b = await page.evaluate(() => (window as unknown as BenchWindow).__bench);
    return { inDom: b.firstArticleAt!, painted: b.firstArticlePaintAt ?? b.firstArticleFrameAt!, ready: b.readyAt };
  } finally {
    await context.close();
  }
}

async function measureCompletes(page: Page, actions: number, deadlineMs: number, onFirstAction: () => void = () => {}): Promise<{ method: 'key e' | 'click Complete'; samples: number[] }> {
  let method: 'key e' | 'click Complete' = 'key e';
  const samples: number[] = [];
  for (let i = 0; i < actions && Date.now() < deadlineMs; i++) {
    const article = page.locator('article').first();
    await article.waitFor({ state: 'visible', timeout: 10_000 });
    const before = await page.evaluate(() => (window as unknown as BenchWindow).__bench.removals.length);
    if (method === 'key e') {
      // Focus the card the way a pointer does, without pressing any of its buttons.
      await article.locator('h1,h2,h3,h4').first().click();
    }
    await article.evaluate((el) => (window as unknown as BenchWindow).__bench.track(el));
    if (i === 0) onFirstAction();
    if (method === 'key e') await page.keyboard.press('e');
    else await article.getByRole('button', { name: 'Complete', exact: true }).click();
    const removed = await page
      .waitForFunction((n) => (window as unknown as BenchWindow).__bench.removals.length > n, before, { timeout: 5_000 })
      .then(() => true, () => false);
    if (!removed) {
      if (method === 'key e' && samples.length === 0) {
        // `e` did nothing here (the keyboard layer may not exist yet): measure the button instead.
        method = 'click Complete';
        await page.evaluate(() => (window as unknown as BenchWindow).__bench.untrack());
        i--;
        continue;
      }
      const state = await page.evaluate(() => {
        const t = (window as unknown as BenchWindow).__bench.tracking;
        return { stamped: t?.at !== null && t?.at !== undefined, connected: t?.el.isConnected ?? null, cards: document.querySelectorAll('article').length };
      });
      if (process.env.BENCH_SCREENSHOTS) await page.screenshot({ path: `${process.env.BENCH_SCREENSHOTS}/complete-${i + 1}.png` });
      throw new Error(`the card did not leave the DOM within 5 s after ${method} (action ${i + 1}; ${JSON.stringify(state)})`);
    }
    const b = await page.evaluate(() => (window as unknown as BenchWindow).__bench.removals);
    samples.push(round(b[b.length - 1]!));
    // Let the request and any refetch settle, so each action is measured on its own.
    await page.waitForTimeout(250);
  }
  return { method, samples };
}

function longTaskFigures(tasks: LongTask[]): LongTaskFigures {
  return {
    count: tasks.length,
    maxMs: round(tasks.reduce((m, t) => Math.max(m, t.duration), 0)),
    totalMs: round(tasks.reduce((s, t) => s + t.duration, 0)),
  };
}

/** The element that scrolls the task list: the nearest scrollable ancestor of a card, else the page. */
const FIND_SCROLLER = `(() => {
  let el = document.querySelector('article');
  while (el && el !== document.body) {
    const style = getComputedStyle(el);
    if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1) return el;
    el = el.parentElement;
  }
  return document.scrollingElement;
})()`;

async function measureLongList(browser: Browser, s: BrowserSettings, errors: string[]): Promise<BrowserResult['loaded']> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    collectErrors(page, errors);
    const ids = new Set<string>();
    let pageRequests = 0;
    let lastHasMore = true;
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (!/\/api\/v1\/task\/?$/.test(url.pathname) || url.searchParams.has('_fields') || response.request().method() !== 'GET') return;
      pageRequests++;
      try {
        const body = (await response.json()) as { data?: { id: string }[]; has_more?: boolean };
        for (const t of body.data ?? []) ids.add(t.id);
        lastHasMore = body.has_more ?? false;
      } catch {
        // a refused or aborted page: the loop below notices nothing was added
      }
    });
    // Everyone's inbox: one rep's own inbox holds a sixth of the tasks, too few to reach the target.
    await page.goto(`${s.appUrl}/inbox?assignee=everyone`, { waitUntil: 'commit' });
    await page.locator('article').first().waitFor({ state: 'visible', timeout: 30_000 });
    // Loading starts once the app has taken the page over: its start (a long task of its own) is
    // the cold load's, reported there as the time until it is ready, not the list's loading.
    await page.locator(APP_READY).waitFor({ state: 'attached', timeout: 30_000 });

    const started = Date.now();
    const loadingFrom = await page.evaluate(() => performance.now());
    let stalls = 0;
    while (ids.size < s.loadTarget && Date.now() < s.deadlineMs) {
      const had = ids.size;
      await page.evaluate(`(${FIND_SCROLLER}).scrollTop = 1e9`);
      const grew = await waitUntil(() => ids.size > had, 5_000);
      if (!grew) {
        if (!lastHasMore) break;
        if (++stalls >= 3) break;
      } else stalls = 0;
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    }
    const loadSeconds = (Date.now() - started) / 1000;
    await page.waitForTimeout(500);
    const loadingTo = await page.evaluate(() => performance.now());

    // From the top to where the loaded tasks end, a stretch of two screens per frame.
    await page.evaluate(`(${FIND_SCROLLER}).scrollTop = 0`);
    await page.waitForTimeout(500);
    const scrollFrom = await page.evaluate(() => performance.now());
    const scrollSteps = (await page.evaluate(`(async () => {
      const el = ${FIND_SCROLLER};
      const end = el.scrollHeight - el.clientHeight;
      const deadline = performance.now() + 60000;
      let steps = 0;
      while (el.scrollTop < end - 1 && steps < 5000 && performance.now() < deadline) {
        el.scrollTop = Math.min(end, el.scrollTop + el.clientHeight * 2);
        steps++;
        await new Promise((r) => requestAnimationFrame(r));
      }
      return steps;
    })()`)) as number;
    await page.waitForTimeout(500);
    const scrollTo = await page.evaluate(() => performance.now());

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const counts = await page.evaluate(() => ({ nodes: document.getElementsByTagName('*').length, articles: document.querySelectorAll('article').length }));
    const longTasks = await page.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks);
    const within = (from: number, to: number) => longTasks.filter((t) => t.start >= from && t.start < to);
    return {
      target: s.loadTarget,
      loaded: ids.size,
      pageRequests,
      loadSeconds: round(loadSeconds),
      domNodes: counts.nodes,
      articles: counts.articles,
      heapUsedMb: round(heap.usedSize / 1e6),
      longTasksWhileLoading: longTaskFigures(within(loadingFrom, loadingTo)),
      longTasksWhileScrolling: longTaskFigures(within(scrollFrom, scrollTo)),
      scrollSteps,
    };
  } finally {
    await context.close();
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return condition();
}

export async function measureBrowser(s: BrowserSettings): Promise<{ result: BrowserResult; errors: string[] }> {
  const browser = await chromium.launch({ executablePath: s.chromePath, headless: true, args: CHROMIUM_ARGS });
  const errors: string[] = [];
  try {
    // One load first, not counted: the server's first requests (JIT, SQLite page cache) are not a user's.
    await coldLoad(browser, s.appUrl, errors, { app: true });
    const staticCopy = await startStaticFirstView(s.appUrl, '/').catch((error: unknown) => ({ skipped: error instanceof Error ? error.message : String(error) }));
    const loads: ColdLoad[] = [];
    const staticLoads: ColdLoad[] = [];
    try {
      if ('url' in staticCopy) await coldLoad(browser, staticCopy.url, errors, { app: false });
      // Taken in turns, so a busy moment of the machine weighs on both alike.
      for (let i = 0; i < s.coldRuns; i++) {
        loads.push(await coldLoad(browser, s.appUrl, errors, { app: true }));
        let line = `  cold load ${i + 1}: first card in DOM ${loads[i]!.inDom.toFixed(0)} ms, painted ${loads[i]!.painted.toFixed(0)} ms, app ready ${loads[i]!.ready?.toFixed(0)} ms`;
        if ('url' in staticCopy) {
          staticLoads.push(await coldLoad(browser, staticCopy.url, errors, { app: false }));
          line += `; static copy ${staticLoads[i]!.inDom.toFixed(0)} / ${staticLoads[i]!.painted.toFixed(0)} ms`;
        }
        s.log(line);
      }
    } finally {
      if ('close' in staticCopy) await staticCopy.close();
    }

    const context = await newContext(browser);
    let complete: { method: 'key e' | 'click Complete'; samples: number[] };
    let apiRequests = 0;
    let counting = false;
    try {
      const page = await context.newPage();
      collectErrors(page, errors);
      await page.goto(s.appUrl, { waitUntil: 'commit' });
      // Acting on the server's markup before the app runs would measure the takeover, not an action.
      await page.locator(APP_READY).waitFor({ state: 'attached', timeout: 30_000 }).catch(() => {});
      // Every request the actions cause (the change, the refreshes after it) counts against
      // Close's rate limit, so the run counts them from the first action until the app has been
      // quiet for a while (not the page's own first reads).
      page.on('request', (request) => {
        if (counting && new URL(request.url()).pathname.startsWith('/api/')) apiRequests++;
      });
      complete = await measureCompletes(page, s.completeActions, s.deadlineMs, () => (counting = true));
      await page.waitForTimeout(AFTER_ACTIONS_MS);
    } finally {
      await context.close();
    }
    const c = summarize(complete.samples);
    s.log(`  ${complete.method} → card gone: p50 ${c.p50} ms, p95 ${c.p95} ms (${c.count}); the page's first: ${complete.samples[0] ?? '–'} ms`);

    let loaded: BrowserResult['loaded'];
    try {
      loaded = await measureLongList(browser, s, errors);
    } catch (error) {
      loaded = { skipped: `the long-list run failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
    }

    return {
      result: {
        tasks: s.tasks,
        coldLoad: coldLoadFigures(loads),
        staticPage: 'skipped' in staticCopy ? { skipped: staticCopy.skipped } : coldLoadFigures(staticLoads),
        complete: { method: complete.method, samples: complete.samples, p50: round(c.p50), p95: round(c.p95), apiRequests },
        loaded,
      },
      errors,
    };
  } finally {
    await browser.close();
  }
}
