import { type Density, densityActions, useDensity } from '../stores/density-store';

const LABELS: Record<Density, string> = { comfortable: 'Cards', compact: 'Compact' };

/** Cards or one line per task; remembered on this device. */
export function DensitySelect() {
  const density = useDensity();
  return (
    <select
      aria-label="Density"
      value={density}
      onChange={(e) => densityActions().densityChosen(e.target.value as Density)}
      className="h-8 rounded-md border border-slate-300 bg-white px-1.5 text-sm text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {(Object.keys(LABELS) as Density[]).map((d) => (
        <option key={d} value={d}>
          {LABELS[d]}
        </option>
      ))}
    </select>
  );
}
