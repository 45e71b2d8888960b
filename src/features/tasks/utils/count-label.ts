/**
 * One formatter for every count on screen: the tabs' and the group headers' counts render again
 * on each task change, and `toLocaleString` builds a new formatter on every call.
 */
const countFormat = new Intl.NumberFormat('en-US');

/** "1,234", or "1,234+" when there may be more than were counted. */
export function countLabel(count: number, more: boolean): string {
  return `${countFormat.format(count)}${more ? '+' : ''}`;
}
