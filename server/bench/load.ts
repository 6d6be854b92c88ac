// A closed-loop load generator over real HTTP: `connections` clients, each sending its next
// request as soon as the previous one answered, for `seconds` (after a short warm-up). Latencies
// per request; throughput over the whole run. (autocannon does the same; this keeps the bench free
// of another dependency and lets each request's body vary.)
import { performance } from 'node:perf_hooks';

export interface Request {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  cookie?: string;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] : NaN);

async function send(base: string, request: Request): Promise<boolean> {
  const res = await fetch(base + request.path, {
    method: request.method,
    headers: { ...(request.body ? { 'content-type': 'application/json' } : {}), ...(request.cookie ? { cookie: request.cookie } : {}) },
    body: request.body ? JSON.stringify(request.body) : undefined,
  });
  const text = await res.text();
  return res.ok && !text.startsWith('{"errors"') && !text.includes('"errors":[');
}

export async function load(base: string, next: (i: number) => Request, connections: number, seconds: number, warmup = 5): Promise<LoadResult> {
  for (let i = 0; i < warmup; i++) await send(base, next(i));
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const request = next(counter++);
        const t0 = performance.now();
        try {
          if (!(await send(base, request))) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), errors };
}
