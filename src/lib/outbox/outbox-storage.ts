/**
 * Where the outbox keeps its records between pages: IndexedDB in the browser (through
 * idb-keyval), a Map in tests. The engine sees only this small interface.
 */
import { type UseStore, createStore, del, get, set, values } from 'idb-keyval';

export type OutboxStorage<R extends { id: string }> = {
  getAll(): Promise<R[]>;
  get(id: string): Promise<R | undefined>;
  put(record: R): Promise<void>;
  remove(id: string): Promise<void>;
};

export function memoryOutboxStorage<R extends { id: string }>(initial: readonly R[] = []): OutboxStorage<R> & { records: Map<string, R> } {
  // Copies in and out, as IndexedDB's structured clone does: the engine must not rely on sharing objects.
  const records = new Map<string, R>(initial.map((r) => [r.id, structuredClone(r)]));
  return {
    records,
    getAll: async () => [...records.values()].map((r) => structuredClone(r)),
    get: async (id) => {
      const r = records.get(id);
      return r ? structuredClone(r) : undefined;
    },
    put: async (record) => {
      records.set(record.id, structuredClone(record));
    },
    remove: async (id) => {
      records.delete(id);
    },
  };
}

/**
 * Opens (or creates) the database on first use: call it when the browser is idle, not on a key
 * press. `dbName` is asked then, once: the name may depend on what is known only by that time.
 */
export function indexedDbOutboxStorage<R extends { id: string }>(dbName: () => string, storeName = 'changes'): OutboxStorage<R> {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(dbName(), storeName));
  return {
    getAll: () => values<R>(db()),
    get: (id) => get<R>(id, db()),
    put: (record) => set(record.id, record, db()),
    remove: (id) => del(id, db()),
  };
}
