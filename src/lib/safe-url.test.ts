import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './safe-url';

describe('safeHttpUrl', () => {
  it('keeps absolute http and https URLs', () => {
    expect(safeHttpUrl('https://app.close.com/go/sms/acti_1/media/m_1/')).toBe('https://app.close.com/go/sms/acti_1/media/m_1/');
    expect(safeHttpUrl('http://127.0.0.1:3001/media/vm.mp3?x=1#t')).toBe('http://127.0.0.1:3001/media/vm.mp3?x=1#t');
    expect(safeHttpUrl('HTTPS://S3.amazonaws.com/a.mp3')).toBe('https://s3.amazonaws.com/a.mp3');
  });

  it.each([
    ['javascript', 'javascript:alert(1)'],
    ['javascript, mixed case', 'JaVaScRiPt:alert(1)'],
    ['javascript behind http-looking text', 'javascript://https://x.test/%0aalert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['file', 'file:///etc/passwd'],
    ['ftp', 'ftp://example.com/a'],
    ['relative path', '/api/v1/task/'],
    ['relative junk', 'foo/bar'],
    ['scheme-relative', '//evil.test/a.png'],
    ['leading space', ' https://example.com/'],
    ['trailing newline', 'https://example.com/\n'],
    ['tab inside the scheme', 'java\tscript:alert(1)'],
    ['tab inside an http URL', 'ht\ttps://example.com/'],
    ['NUL prefix', '\u0000https://example.com/'],
    ['backslashes', 'https:\\\\evil.test\\a'],
    ['credentials', 'https://app.close.com@evil.test/'],
    ['no host', 'https://'],
    ['empty', ''],
  ])('rejects %s', (_name, input) => {
    expect(safeHttpUrl(input)).toBeNull();
  });

  it('rejects non-strings', () => {
    expect(safeHttpUrl(null)).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
  });
});
