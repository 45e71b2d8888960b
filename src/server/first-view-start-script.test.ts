// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { START_APP_AFTER_PAINT } from './first-view-inline-scripts';

const HELD =
  '<script type="module" crossorigin src="/assets/index-1.js"></script><link rel="modulepreload" crossorigin href="/assets/jsx-1.js">';

function pageWithHeldScripts(): void {
  document.head.innerHTML = '';
  document.body.innerHTML = `<div id="root"><article>Call Dana</article></div><template id="triage-app-scripts">${HELD}</template>`;
}

/** Runs the inline script as the page would (a classic script in the page's global scope). */
function runStartScript(): void {
  new Function(START_APP_AFTER_PAINT)();
}

const started = () => [...document.head.children].map((el) => el.outerHTML);

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the script that starts the app behind a rendered view', () => {
  it('adds the held tags to the head as they were written, once', () => {
    // jsdom has no paint timing, like an engine that would never say it painted: start at once.
    pageWithHeldScripts();
    runStartScript();
    expect(started()).toEqual([
      '<script type="module" crossorigin="" src="/assets/index-1.js"></script>',
      '<link rel="modulepreload" crossorigin="" href="/assets/jsx-1.js">',
    ]);
    // The template keeps its own (inert) copies; the page's body gains no script.
    expect(document.querySelector('template')!.content.children).toHaveLength(2);
    expect(document.body.querySelectorAll('script')).toHaveLength(0);
  });

  it('waits for the first contentful paint, and starts after a second without one', () => {
    vi.useFakeTimers();
    const observers: ((list: { getEntriesByName: (name: string) => unknown[] }, observer: { disconnect: () => void }) => void)[] = [];
    class FakeObserver {
      static supportedEntryTypes = ['paint'];
      constructor(callback: (typeof observers)[number]) {
        observers.push(callback);
      }
      observe() {}
      disconnect() {}
    }
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    pageWithHeldScripts();
    runStartScript();
    expect(started()).toEqual([]);
    observers[0]!({ getEntriesByName: () => [] }, { disconnect() {} });
    expect(started()).toEqual([]);
    observers[0]!({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) }, { disconnect() {} });
    expect(started()).toHaveLength(2);
    vi.advanceTimersByTime(1_000);
    expect(started()).toHaveLength(2);

    pageWithHeldScripts();
    runStartScript();
    vi.advanceTimersByTime(999);
    expect(started()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(started()).toHaveLength(2);
  });

  it('does nothing on a page without held scripts', () => {
    document.head.innerHTML = '';
    document.body.innerHTML = '<div id="root"></div>';
    runStartScript();
    expect(started()).toEqual([]);
  });
});
