// Time-ordered ids (UUID version 7 layout) with a monotonic counter, so rows created in one
// millisecond still sort in creation order. Node 20 has no built-in v7.
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

export function uuid7(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    counter += 1;
    if (counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    counter = 0;
  }
  const ts = ms.toString(16).padStart(12, '0');
  const rand = randomBytes(8);
  rand[0] = (rand[0] & 0x3f) | 0x80; // RFC 4122 variant
  const r = rand.toString('hex');
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${counter.toString(16).padStart(3, '0')}-${r.slice(0, 4)}-${r.slice(4, 16)}`;
}
