import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Manifest,
  bundleReport,
  initialFromIndexHtml,
  initialFromManifest,
  lazyChunksFromManifest,
} from '../scripts/check-bundle-size.mjs';

/** The shape Vite writes to dist/.vite/manifest.json: an entry, a shared chunk, a lazy route. */
const MANIFEST: Manifest = {
  'index.html': {
    file: 'assets/index-abc.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_vendor-x.js'],
    dynamicImports: ['src/app/routes/inbox.tsx'],
    css: ['assets/index-c.css'],
  },
  '_vendor-x.js': { file: 'assets/vendor-x.js', imports: ['_tiny.js'] },
  '_tiny.js': { file: 'assets/tiny.js' },
  'src/app/routes/inbox.tsx': {
    file: 'assets/inbox-1.js',
    src: 'src/app/routes/inbox.tsx',
    isDynamicEntry: true,
    imports: ['_vendor-x.js', '_list-2.js'],
    css: ['assets/inbox-1.css'],
  },
  '_list-2.js': { file: 'assets/list-2.js', imports: ['_vendor-x.js'] },
};

describe('initialFromManifest', () => {
  it('follows the entry’s static imports transitively, with their CSS, and not its dynamic imports', () => {
    const initial = initialFromManifest(MANIFEST);
    expect(initial.js.sort()).toEqual(['assets/index-abc.js', 'assets/tiny.js', 'assets/vendor-x.js']);
    expect(initial.css).toEqual(['assets/index-c.css']);
  });

  it('refuses a manifest without an entry, or with an import it does not define', () => {
    expect(() => initialFromManifest({ a: { file: 'a.js' } })).toThrow(/no entry/);
    expect(() => initialFromManifest({ 'index.html': { file: 'i.js', isEntry: true, imports: ['_gone.js'] } })).toThrow(/_gone\.js/);
  });
});

describe('lazyChunksFromManifest', () => {
  it('lists each lazily loaded chunk with what it adds beyond the initial files', () => {
    const lazy = lazyChunksFromManifest(MANIFEST);
    expect(lazy.map((c) => ({ ...c, js: [...c.js].sort() }))).toEqual([
      { name: 'src/app/routes/inbox.tsx', js: ['assets/inbox-1.js', 'assets/list-2.js'], css: ['assets/inbox-1.css'] },
    ]);
  });
});

describe('initialFromIndexHtml', () => {
  it('reads the module script, its modulepreloads and the stylesheets Vite puts in index.html', () => {
    const html = `<!doctype html><html><head>
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-x.js">
      <link rel="stylesheet" crossorigin href="/assets/index-c.css">
      <link rel="stylesheet" href="https://cdn.example/font.css">
      </head><body><div id="root"></div></body></html>`;
    expect(initialFromIndexHtml(html)).toEqual({ js: ['assets/index-abc.js', 'assets/vendor-x.js'], css: ['assets/index-c.css'] });
  });

  it('refuses a page without a module entry (not a Vite build)', () => {
    expect(() => initialFromIndexHtml('<html><script src="/x.js"></script></html>')).toThrow(/no <script type="module"/);
  });
});

describe('bundleReport and the CLI size check', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function makeDist(entryBytes: Buffer): string {
    dir = mkdtempSync(join(tmpdir(), 'bundle-size-test-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<script type="module" src="/assets/index.js"></script><link rel="stylesheet" href="/assets/index.css">',
    );
    writeFileSync(join(dir, 'assets', 'index.js'), entryBytes);
    writeFileSync(join(dir, 'assets', 'index.css'), 'body{color:red}'.repeat(100));
    writeFileSync(join(dir, 'assets', 'route-1.js'), 'export const a = 1;');
    return dir;
  }

  it('measures raw and gzip sizes and lists the other chunks', () => {
    const dist = makeDist(Buffer.from('console.log("hello");'.repeat(1000)));
    const report = bundleReport(dist);
    expect(report.source).toBe('index.html');
    expect(report.initialJs.raw).toBe(21_000);
    expect(report.initialJs.gzip).toBeGreaterThan(0);
    expect(report.initialJs.gzip).toBeLessThan(1_000);
    expect(report.initialCss.raw).toBe(1_500);
    expect(report.chunks.map((c) => c.name)).toEqual(['assets/route-1.js']);
  });

  const cli = (dist: string) =>
    spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/check-bundle-size.mjs', import.meta.url)), dist], { encoding: 'utf8' });

  it('passes a build under the budget', () => {
    const run = cli(makeDist(Buffer.from('x'.repeat(10_000))));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/within its budget/);
  });

  it('fails a build whose initial JS is over 150 kB gzip, saying by how much', () => {
    // Random bytes do not compress: 200 kB raw stays about 200 kB gzip.
    const run = cli(makeDist(randomBytes(200_000)));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/initial JS is 20\d\.\d kB gzip, over its budget of 150\.0 kB/);
  });

  it('says so when there is no build', () => {
    dir = mkdtempSync(join(tmpdir(), 'bundle-size-test-'));
    const run = cli(dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no build/);
  });
});
