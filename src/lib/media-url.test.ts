import { describe, expect, it } from 'vitest';
import { closeLeadUrl, mediaUrl } from './media-url';

describe('mediaUrl', () => {
  it('routes a safe absolute URL through our media route, fully encoded', () => {
    const upstream = 'https://app.close.com/go/sms/acti_1/media/m_1/thumbnail/?a=1&b=2';
    const routed = mediaUrl(upstream);
    expect(routed).toBe(`/api/media?url=${encodeURIComponent(upstream)}`);
    // The upstream query must not leak into ours as extra parameters.
    expect(new URLSearchParams(routed!.split('?')[1]).get('url')).toBe(upstream);
    expect([...new URLSearchParams(routed!.split('?')[1]).keys()]).toEqual(['url']);
  });

  it('refuses unsafe or missing URLs', () => {
    expect(mediaUrl('javascript:alert(1)')).toBeNull();
    expect(mediaUrl('data:audio/mp3;base64,AAAA')).toBeNull();
    expect(mediaUrl('/relative.mp3')).toBeNull();
    expect(mediaUrl(null)).toBeNull();
    expect(mediaUrl(undefined)).toBeNull();
  });
});

describe('closeLeadUrl', () => {
  it("points at the lead's page in Close", () => {
    expect(closeLeadUrl('lead_5LmpOyrMQdJSUlbNGBSGfK5XzcioIm7aC94PSQamQJc')).toBe(
      'https://app.close.com/lead/lead_5LmpOyrMQdJSUlbNGBSGfK5XzcioIm7aC94PSQamQJc/',
    );
  });

  it('keeps a hostile id inside the path', () => {
    expect(closeLeadUrl('../../evil?x=1#y')).toBe('https://app.close.com/lead/..%2F..%2Fevil%3Fx%3D1%23y/');
  });
});
