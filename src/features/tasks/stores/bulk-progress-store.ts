/** Progress of a running bulk change, for the bulk bar's progress bar. */
import { create } from 'zustand';

export type BulkProgressState = { label: string; done: number; total: number } | null;

const useBulkProgressStore = create<{ progress: BulkProgressState }>()(() => ({ progress: null }));

export const useBulkProgress = () => useBulkProgressStore((s) => s.progress);
export const bulkProgressChanged = (progress: BulkProgressState) => useBulkProgressStore.setState({ progress });
