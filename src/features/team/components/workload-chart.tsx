/**
 * The table's numbers as stacked horizontal bars (overdue, today, future), in plain SVG: a few
 * rects per person weigh less than any chart library. Hidden from assistive technology: the
 * table beside it is its accessible form.
 */
import type { TeamMember } from '../api/get-team';
import type { TeamWorkloads } from '../hooks/use-team-workloads';

const ROW = 22;
const LABEL = 110;
const WIDTH = 360;
const SEGMENTS = [
  { key: 'overdue', label: 'Overdue', className: 'fill-red-600 dark:fill-red-400' },
  { key: 'today', label: 'Today', className: 'fill-amber-500 dark:fill-amber-300' },
  { key: 'future', label: 'Future', className: 'fill-sky-600 dark:fill-sky-400' },
] as const;

export function WorkloadChart({ members, workloads }: { members: readonly TeamMember[]; workloads: TeamWorkloads }) {
  const max = Math.max(1, ...members.map((m) => {
    const c = workloads.byUser.get(m.id);
    return c ? c.overdue + c.today + c.future : 0;
  }));
  const barWidth = WIDTH - LABEL - 40;
  const height = members.length * ROW + 24;
  return (
    <figure aria-hidden="true" className="min-w-0 flex-1 basis-80">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="w-full max-w-md text-slate-700 dark:text-slate-300" role="presentation">
        {members.map((m, i) => {
          const c = workloads.byUser.get(m.id);
          const y = i * ROW;
          let x = LABEL;
          return (
            <g key={m.id} data-user-id={m.id}>
              <text x={LABEL - 6} y={y + 15} textAnchor="end" className="fill-current text-[11px]">
                {m.name.length > 16 ? `${m.name.slice(0, 15)}…` : m.name}
              </text>
              {c
                ? SEGMENTS.map((s) => {
                    const w = (c[s.key] / max) * barWidth;
                    const rect = <rect key={s.key} x={x} y={y + 4} width={w} height={ROW - 8} className={s.className} />;
                    x += w;
                    return rect;
                  })
                : null}
              {c ? (
                <text x={x + 4} y={y + 15} className="fill-current text-[11px] tabular-nums">
                  {c.overdue + c.today + c.future}
                </text>
              ) : null}
            </g>
          );
        })}
        {SEGMENTS.map((s, i) => (
          <g key={s.key}>
            <rect x={LABEL + i * 80} y={height - 14} width={10} height={10} className={s.className} />
            <text x={LABEL + i * 80 + 14} y={height - 5} className="fill-current text-[11px]">
              {s.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
