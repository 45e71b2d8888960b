import fs from 'node:fs';
import path from 'node:path';
import { DEMO_MEDIA_DIR, MEDIA_URL_PREFIX } from '../demo-data';

const mediaSizes = new Map<string, number>();
const wavDurations = new Map<string, number>();

/** The byte size of a demo media file (Close's attachment `size`). */
export function demoMediaSize(file: string): number {
  let size = mediaSizes.get(file);
  if (size === undefined) {
    size = fs.statSync(path.join(DEMO_MEDIA_DIR, file)).size;
    mediaSizes.set(file, size);
  }
  return size;
}

/** Whole seconds of a PCM WAV file in demo-media/, read from its header. */
export function demoWavSeconds(file: string): number {
  let seconds = wavDurations.get(file);
  if (seconds !== undefined) return seconds;
  const buf = fs.readFileSync(path.join(DEMO_MEDIA_DIR, file));
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${file} is not a WAV file`);
  }
  let byteRate = 0;
  let dataBytes = 0;
  for (let at = 12; at + 8 <= buf.length; ) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    if (id === 'fmt ') byteRate = buf.readUInt32LE(at + 16);
    if (id === 'data') dataBytes = Math.min(size, buf.length - at - 8);
    at += 8 + size + (size % 2);
  }
  if (!byteRate || !dataBytes) throw new Error(`${file} has no fmt or data chunk`);
  seconds = Math.round(dataBytes / byteRate);
  wavDurations.set(file, seconds);
  return seconds;
}

export function mediaUrl(file: string): string {
  return `${MEDIA_URL_PREFIX}${file}`;
}
