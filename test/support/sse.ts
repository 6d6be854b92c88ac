// A person talking to a real HTTP listener with `fetch`, as a browser does: signing in keeps the
// session cookie, and subscriptions speak GraphQL over Server-Sent Events (distinct connections
// mode, what the web's graphql-sse client uses): `event: next` per result, `event: complete`.
import type { GqlResult } from './client.js';

export interface Arrival<T> {
  result: GqlResult<T>;
  /** performance.now() when the event was read. */
  at: number;
}

export class LiveStream<T = any> {
  private readonly arrived: Arrival<T>[] = [];
  private waiting: (() => void) | null = null;
  private finished = false;
  /** Whether the server completed the stream (else the connection ended without `complete`). */
  completed = false;
  /** Resolves when the stream ends: completed by the server, or the connection dropped. */
  readonly ended: Promise<void>;

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly controller: AbortController,
  ) {
    this.ended = this.read(body);
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .filter((line) => line.startsWith(`${name}:`))
              .map((line) => line.slice(name.length + 1).replace(/^ /, ''))
              .join('\n');
          const event = field('event');
          if (event === 'next') this.push({ result: JSON.parse(field('data')) as GqlResult<T>, at: performance.now() });
          if (event === 'complete') {
            this.completed = true;
            return;
          }
        }
      }
    } catch {
      // The connection dropped (or we closed it): `completed` stays false.
    } finally {
      this.finished = true;
      this.wake();
    }
  }

  private push(arrival: Arrival<T>): void {
    this.arrived.push(arrival);
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  /** The next event, or an error after `timeoutMs` or when the stream ended without one. */
  async next(timeoutMs = 2_000): Promise<Arrival<T>> {
    const until = performance.now() + timeoutMs;
    while (this.arrived.length === 0) {
      if (this.finished) throw new Error('the stream ended');
      const left = until - performance.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.arrived.shift()!;
  }

  /** Skips events until one satisfies `wanted`. */
  async until(wanted: (result: GqlResult<T>) => boolean, timeoutMs = 2_000): Promise<Arrival<T>> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const arrival = await this.next(Math.max(1, until - performance.now()));
      if (wanted(arrival.result)) return arrival;
    }
  }

  /** The events that arrived within `ms` (for asserting that nothing did). */
  async within(ms: number): Promise<GqlResult<T>[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.arrived.splice(0).map((a) => a.result);
  }

  close(): void {
    this.controller.abort();
  }
}

export class HttpPerson {
  private cookie: string | null = null;

  constructor(private readonly base: string) {}

  /** The same session on another instance (one database, one SESSION_SECRET). */
  on(base: string): HttpPerson {
    const other = new HttpPerson(base);
    other.cookie = this.cookie;
    return other;
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const res = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const [name, value] = pair.split('=');
      if (name === 'council_session') this.cookie = value ? pair : null;
    }
    return (await res.json()) as GqlResult<T>;
  }

  async ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  async signIn(email: string, password: string): Promise<this> {
    await this.ok(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }`, { e: email, p: password });
    return this;
  }

  /** Opens a subscription; its events are read as they come. */
  async subscribe<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<LiveStream<T>> {
    const controller = new AbortController();
    const res = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    if (!res.ok || !res.body || !(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      throw new Error(`not an event stream: ${res.status} ${res.headers.get('content-type')}: ${await res.text()}`);
    }
    return new LiveStream<T>(res.body, controller);
  }
}
