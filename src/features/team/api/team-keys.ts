/** Query keys of the manager's desk, generic to specific (TkDodo's factory). */
export const teamKeys = {
  all: ['team'] as const,
  members: () => [...teamKeys.all, 'members'] as const,
  zones: () => [...teamKeys.all, 'zones'] as const,
  workloads: () => [...teamKeys.all, 'workload'] as const,
  /** One rep's counts as the API answers them in `timeZone` (the rep's zone, or one the manager chose). */
  workload: (userId: string, timeZone: string) => [...teamKeys.workloads(), userId, timeZone] as const,
};
