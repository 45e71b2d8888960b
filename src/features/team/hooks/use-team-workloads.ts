/**
 * Every member's counts, each in that member's own zone: one cached query per member, so rows
 * fill in as their counts arrive and the page can say how far it has got.
 */
import { useQueries } from '@tanstack/react-query';
import { type WorkloadCounts, workloadQueryOptions } from '../api/count-workload';
import type { TeamMember } from '../api/get-team';

export type TeamWorkloads = {
  byUser: ReadonlyMap<string, WorkloadCounts>;
  /** Members whose counts could not be read, with the reason. */
  failed: ReadonlyMap<string, string>;
  counted: number;
  total: number;
};

export function useTeamWorkloads(members: readonly TeamMember[]): TeamWorkloads {
  return useQueries({
    queries: members.map((m) => workloadQueryOptions(m.id, m.timeZone)),
    combine: (results) => {
      const byUser = new Map<string, WorkloadCounts>();
      const failed = new Map<string, string>();
      results.forEach((result, i) => {
        const member = members[i]!;
        if (result.data) byUser.set(member.id, result.data);
        else if (result.error) failed.set(member.id, result.error.message);
      });
      return { byUser, failed, counted: byUser.size, total: members.length };
    },
  });
}

/** Open tasks: what a rep still has to do. */
export function openCount(counts: WorkloadCounts | undefined): number {
  return counts ? counts.overdue + counts.today + counts.future : 0;
}
