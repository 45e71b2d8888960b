/**
 * The desk's row orders (`/team?sort=…`): by name, or by a count, most first. Apart from the table
 * because the route's search schema needs them in the app's first chunk and the table does not.
 */
export const DESK_SORTS = ['name', 'overdue', 'today', 'future', 'doneLast7Days'] as const;
export type DeskSort = (typeof DESK_SORTS)[number];
