// A GraphQL client over fastify's inject that keeps its session cookie, like a browser would.
import type { App } from '../../server/src/app.js';

type FastifyInstance = App['app'];

export interface GqlError {
  message: string;
  extensions?: { code?: string; fields?: Record<string, string>; [k: string]: unknown };
}

export interface GqlResult<T = any> {
  data?: T;
  errors?: GqlError[];
}

export class Client {
  private cookie: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = c.split(';');
      const [name, value] = pair.split('=');
      if (name === 'council_session') this.cookie = value ? `${name}=${value}` : null;
    }
    return res.json() as GqlResult<T>;
  }

  /** A plain GET with the session cookie (exports and other routes beside /graphql). */
  async get(url: string): Promise<{ status: number; body: string }> {
    const res = await this.app.inject({ method: 'GET', url, headers: { ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}) } });
    return { status: res.statusCode, body: res.body };
  }

  /** Data of a query that must succeed; throws with the errors otherwise. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /** The error code of a query that must fail. */
  async code(query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
    const result = await this.gql(query, variables);
    if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
    return result.errors[0].extensions?.code;
  }

  async signIn(email: string, password = 'correct-horse-battery'): Promise<this> {
    await this.ok(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }`, { e: email, p: password });
    return this;
  }

  get hasSession(): boolean {
    return this.cookie !== null;
  }
}

/** One signed-in client per person, reused across a test file. */
export class People {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly app: FastifyInstance) {}

  async as(user: { id: string; email: string }): Promise<Client> {
    let c = this.clients.get(user.id);
    if (!c) {
      c = await new Client(this.app).signIn(user.email);
      this.clients.set(user.id, c);
    }
    return c;
  }
}

/** Signs `email` in and returns the session cookie (`council_session=…`), for hand-made requests. */
export async function sessionCookie(app: FastifyInstance, email: string, password = 'correct-horse-battery'): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json' },
    payload: { query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }', variables: { e: email, p: password } },
  });
  const set = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('council_session='));
  if (!set) throw new Error(`no session: ${res.body}`);
  return set.split(';')[0];
}
