// Types for check-bundle-size.mjs, so the bench (bench/bundle-size.ts) can reuse its measurements.
export type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
export type Manifest = Record<string, ManifestChunk>;
export type FileSize = { file: string; raw: number; gzip: number };
export type BundleReport = {
  source: 'manifest' | 'index.html';
  initialJs: { files: FileSize[]; raw: number; gzip: number };
  initialCss: { files: FileSize[]; raw: number; gzip: number };
  chunks: { name: string; files: string[]; raw: number; gzip: number }[];
  budgetGzip: number;
};
export declare const INITIAL_JS_BUDGET_GZIP: number;
export declare function initialFromManifest(manifest: Manifest): { js: string[]; css: string[] };
export declare function lazyChunksFromManifest(manifest: Manifest): { name: string; js: string[]; css: string[] }[];
export declare function initialFromIndexHtml(html: string): { js: string[]; css: string[] };
export declare function measureFile(distDir: string, file: string): FileSize;
export declare function bundleReport(distDir: string): BundleReport;
export declare function formatKb(bytes: number): string;
