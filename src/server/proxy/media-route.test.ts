import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FaultUpstream, startFaultUpstream } from '../testing/fault-upstream';
import { type TestApp, startTestApp } from '../testing/start-test-app';
import { decideMediaHost, defaultMediaHosts } from './media-hosts';

const KEY = 'media-test-key';
const BASIC = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
const AUDIO = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));

/** The upstream (credentials), a host allowed without credentials, and one not allowed at all. */
let upstream: FaultUpstream;
let anonymous: FaultUpstream;
let outsider: FaultUpstream;
let proxy: TestApp;

beforeAll(async () => {
  [upstream, anonymous, outsider] = await Promise.all([startFaultUpstream(), startFaultUpstream(), startFaultUpstream()]);
  proxy = await startTestApp({
    upstream: { baseUrl: upstream.apiBaseUrl, apiKey: KEY },
    mediaHosts: [
      { origin: upstream.origin, credentials: true },
      { origin: anonymous.origin, credentials: false },
    ],
  });
});
afterAll(async () => {
  await proxy.close();
  await Promise.all([upstream.close(), anonymous.close(), outsider.close()]);
});
afterEach(() => {
  for (const host of [upstream, anonymous, outsider]) {
    host.behave({ kind: 'echo' });
    host.requests.length = 0;
  }
});

const media = (url: string, init?: RequestInit) => fetch(`${proxy.url}/api/media?url=${encodeURIComponent(url)}`, init);

describe('GET /api/media from an allowed host', () => {
  it('streams the file with its type and length, sending the key to the upstream', async () => {
    upstream.behave({ kind: 'file', body: AUDIO, contentType: 'audio/wav' });
    const res = await media(`${upstream.origin}/media/voicemail-01.wav`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('content-length')).toBe(String(AUDIO.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer())).toEqual(AUDIO);
    expect(upstream.requests[0]!.target).toBe('/media/voicemail-01.wav');
    expect(upstream.requests[0]!.headers.authorization).toBe(BASIC);
  });

  it('forwards Range and passes the 206 with Content-Range through (audio seeking)', async () => {
    upstream.behave({ kind: 'file', body: AUDIO, contentType: 'audio/wav' });
    const res = await media(`${upstream.origin}/media/voicemail-01.wav`, { headers: { range: 'bytes=100-199' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 100-199/${AUDIO.length}`);
    expect(res.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(AUDIO.subarray(100, 200));
    expect(upstream.requests[0]!.headers.range).toBe('bytes=100-199');
  });

  it('passes an unsatisfiable range (416) through', async () => {
    upstream.behave({ kind: 'file', body: AUDIO, contentType: 'audio/wav' });
    const res = await media(`${upstream.origin}/media/voicemail-01.wav`, { headers: { range: `bytes=${AUDIO.length + 10}-` } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${AUDIO.length}`);
  });

  it('does not send the key to a host allowed without credentials', async () => {
    anonymous.behave({ kind: 'file', body: AUDIO, contentType: 'audio/mpeg' });
    const res = await media(`${anonymous.origin}/plivocloud/aaa-bbb-ccc.mp3`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(AUDIO);
    expect(anonymous.requests).toHaveLength(1);
    expect(anonymous.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('follows a redirect to another allowed host, without the key', async () => {
    upstream.behave({ kind: 'redirect', location: `${anonymous.origin}/signed/recording.mp3?sig=abc` });
    anonymous.behave({ kind: 'file', body: AUDIO, contentType: 'audio/mpeg' });
    const res = await media(`${upstream.origin}/api/v1/activity/call/acti_1/recording/`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(AUDIO);
    expect(anonymous.requests[0]!.target).toBe('/signed/recording.mp3?sig=abc');
    expect(anonymous.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('does not follow a redirect to a host that is not allowed', async () => {
    upstream.behave({ kind: 'redirect', location: `${outsider.origin}/steal` });
    const res = await media(`${upstream.origin}/media/x.wav`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: string }).error).toMatch(/not allowed/);
    expect(outsider.requests).toHaveLength(0);
  });

  it('offers anything but audio, video and plain images as a download, sandboxed', async () => {
    upstream.behave({ kind: 'file', body: Buffer.from('<script>alert(1)</script>'), contentType: 'text/html' });
    const res = await media(`${upstream.origin}/media/page.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 504 / 502 JSON when the media host is slow or gone', async () => {
    const quick = await startTestApp({
      upstream: { baseUrl: upstream.apiBaseUrl, apiKey: KEY },
      mediaHosts: [{ origin: upstream.origin, credentials: true }],
      timeoutMs: 300,
    });
    try {
      upstream.behave({ kind: 'slow', ms: 60_000 });
      let res = await fetch(`${quick.url}/api/media?url=${encodeURIComponent(`${upstream.origin}/media/a.wav`)}`);
      expect(res.status).toBe(504);
      expect(((await res.json()) as { error: string }).error).toMatch(/did not answer/);
      upstream.behave({ kind: 'reset' });
      res = await fetch(`${quick.url}/api/media?url=${encodeURIComponent(`${upstream.origin}/media/a.wav`)}`);
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: string }).error).toMatch(/^Media host is unreachable/);
    } finally {
      await quick.close();
    }
  });
});

describe('GET /api/media refuses', () => {
  it('a host that is not allowed, without contacting it (403 JSON)', async () => {
    for (const url of [`${outsider.origin}/x.mp3`, 'https://evil.example/x.mp3', 'https://app.close.com.evil.example/x']) {
      const res = await media(url);
      expect(res.status, url).toBe(403);
      const body = (await res.json()) as { error: string; 'field-errors': Record<string, string> };
      expect(body.error).toMatch(/not allowed/);
      expect(body['field-errors'].url).toBeDefined();
    }
    expect(outsider.requests).toHaveLength(0);
  });

  it('a missing or malformed url (400 naming the field)', async () => {
    for (const query of ['', '?url=', `?url=${encodeURIComponent('/media/x.wav')}`, `?url=${encodeURIComponent('file:///etc/passwd')}`, `?url=${encodeURIComponent(`http://user:pw@${new URL(upstream.origin).host}/x`)}`]) {
      const res = await fetch(`${proxy.url}/api/media${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { 'field-errors': Record<string, string> };
      expect(Object.keys(body['field-errors'])).toEqual(['url']);
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it('methods other than GET/HEAD', async () => {
    const res = await fetch(`${proxy.url}/api/media?url=${encodeURIComponent(`${upstream.origin}/x`)}`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('default media hosts', () => {
  const decide = (url: string, base = 'https://api.close.com/api/v1') => decideMediaHost(new URL(url), defaultMediaHosts(base));

  it('with Close upstream: Close hosts over https get the key, S3 is allowed without it', () => {
    expect(decide('https://api.close.com/api/v1/activity/call/acti_1/recording/')).toEqual({ allowed: true, credentials: true });
    expect(decide('https://app.close.com/go/sms/acti_1/media/media_1/')).toEqual({ allowed: true, credentials: true });
    expect(decide('https://s3.amazonaws.com/plivocloud/aaa-bbb-ccc.mp3')).toEqual({ allowed: true, credentials: false });
    expect(decide('https://bucket.s3.amazonaws.com/a.mp3')).toEqual({ allowed: true, credentials: false });
  });

  it('refuses look-alikes, plain http and other ports', () => {
    for (const url of [
      'http://app.close.com/x',
      'https://app.close.com:8443/x',
      'https://app.close.com.evil.example/x',
      'https://evilclose.com/x',
      'https://s3.amazonaws.com.evil.example/x',
      'http://s3.amazonaws.com/x',
      'http://127.0.0.1:3001/media/a.wav',
    ]) {
      expect(decide(url), url).toEqual({ allowed: false });
    }
  });

  it('with the embedded upstream: its own origin gets the key, Close hosts do not', () => {
    const base = 'http://127.0.0.1:3001/api/v1';
    expect(decide('http://127.0.0.1:3001/media/voicemail-01.wav', base)).toEqual({ allowed: true, credentials: true });
    expect(decide('http://127.0.0.1:3002/media/voicemail-01.wav', base)).toEqual({ allowed: false });
    expect(decide('https://app.close.com/go/sms/x/', base)).toEqual({ allowed: true, credentials: false });
  });
});
