/**
 * How the list shows tasks: cards (comfortable) or one line per task (compact, as Gmail and
 * Superhuman list mail). A UI preference of this device, remembered in localStorage.
 */
import { create } from 'zustand';

export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];

export const DENSITY_STORAGE_KEY = 'triage-density';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be switched off (privacy settings): the choice then lasts for the page.
    return null;
  }
}

function readDensity(): Density {
  return storage()?.getItem(DENSITY_STORAGE_KEY) === 'compact' ? 'compact' : 'comfortable';
}

type DensityState = { density: Density; actions: { densityChosen: (density: Density) => void } };

const useDensityStore = create<DensityState>()((set) => ({
  density: readDensity(),
  actions: {
    densityChosen: (density) => {
      if (density === 'compact') storage()?.setItem(DENSITY_STORAGE_KEY, density);
      else storage()?.removeItem(DENSITY_STORAGE_KEY);
      set({ density });
    },
  },
}));

export const useDensity = () => useDensityStore((s) => s.density);
export const densityActions = () => useDensityStore.getState().actions;
