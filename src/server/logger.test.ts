import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function capture(level: Parameters<typeof createLogger>[0]['level'], secrets: string[] = []) {
  const lines: Array<{ line: string; level: string }> = [];
  const logger = createLogger({ level, secrets, sink: (line, at) => lines.push({ line, level: at }) });
  return { logger, lines };
}

describe('logger', () => {
  it('writes one line per event with key=value fields', () => {
    const { logger, lines } = capture('info');
    logger.info('request', { method: 'GET', path: '/api/v1/task/', status: 200, note: 'two words' });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO {2}request method=GET path=\/api\/v1\/task\/ status=200 note="two words"$/);
  });

  it('drops lines below its level, and logs nothing when silent', () => {
    const { logger, lines } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines.map((l) => l.level)).toEqual(['warn', 'error']);
    expect(logger.isEnabled('info')).toBe(false);
    const silent = capture('silent');
    silent.logger.error('e');
    expect(silent.lines).toHaveLength(0);
  });

  it('redacts credential headers at any depth', () => {
    const { logger, lines } = capture('debug');
    logger.debug('upstream', {
      headers: { Authorization: 'Basic c2VjcmV0Og==', cookie: 'session=1', accept: 'application/json' },
      'set-cookie': 'a=b',
      api_key: 'k',
    });
    const line = lines[0]!.line;
    expect(line).not.toContain('c2VjcmV0Og==');
    expect(line).not.toContain('session=1');
    expect(line).not.toContain('a=b');
    expect(line).toContain('"Authorization":"[redacted]"');
    expect(line).toContain('api_key=[redacted]');
    expect(line).toContain('application/json');
  });

  it('blanks configured secrets wherever they appear, also as HTTP Basic', () => {
    const { logger, lines } = capture('debug', ['api_sekrit.123']);
    const basic = Buffer.from('api_sekrit.123:').toString('base64');
    logger.error(`failed with api_sekrit.123`, { header: `Basic ${basic}`, nested: { text: 'x api_sekrit.123 y' } });
    const child = logger.child({ requestId: 'r1' });
    child.warn('again api_sekrit.123');
    const all = lines.map((l) => l.line).join('\n');
    expect(all).not.toContain('api_sekrit.123');
    expect(all).not.toContain(basic);
    expect(all).toContain('[redacted]');
    expect(lines[1]!.line).toContain('requestId=r1');
  });
});
