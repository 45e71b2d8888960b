import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_DATA_ID, type FirstViewData, serializeFirstViewData } from './first-view-data';

describe('the first view data block', () => {
  it('carries any task text without closing its element or opening a comment', () => {
    const hostile = '</script><script>alert(1)</script><!-- <\u2028';
    const data: FirstViewData = { path: '/inbox', zone: 'UTC', queries: { mutations: [], queries: [{ queryKey: ['t'], queryHash: '["t"]', state: { data: hostile } } as never] } };
    const html = serializeFirstViewData(data);
    const open = `<script type="application/json" id="${FIRST_VIEW_DATA_ID}">`;
    expect(html.startsWith(open)).toBe(true);
    expect(html.endsWith('</script>')).toBe(true);
    const body = html.slice(open.length, -'</script>'.length);
    expect(body).not.toContain('<');
    expect(JSON.parse(body)).toEqual(data);
  });
});
