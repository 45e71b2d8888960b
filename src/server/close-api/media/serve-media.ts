import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { DEMO_MEDIA_DIR } from '../../db/demo-data';
import { notFound } from '../http/close-api-error';

const TYPES: Record<string, string> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.vcf': 'text/vcard',
};

/**
 * `GET /media/{name}`: the demo voicemails, recordings and MMS pictures, behind the same auth as
 * the API (Close's media URLs need credentials too). Honors `Range`, since audio seeking needs 206.
 */
export function serveMedia(dir: string = DEMO_MEDIA_DIR) {
  return (c: Context) => {
    const name = c.req.param('name') ?? '';
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw notFound('Media');
    const file = path.join(dir, name);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      throw notFound('Media');
    }
    const headers: Record<string, string> = {
      'Content-Type': TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'private, max-age=3600',
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(c.req.header('range') ?? '');
    let start = 0;
    let end = size - 1;
    let status: 200 | 206 = 200;
    if (range && (range[1] || range[2])) {
      if (range[1]) {
        start = Number(range[1]);
        end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      } else {
        start = Math.max(0, size - Number(range[2]));
      }
      if (start > end || start >= size) {
        return c.body(null, 416, { 'Content-Range': `bytes */${size}` });
      }
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
    headers['Content-Length'] = String(end - start + 1);
    if (c.req.method === 'HEAD') return c.body(null, status, headers);
    const stream = Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream;
    return c.body(stream, status, headers);
  };
}
