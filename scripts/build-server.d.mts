// Types of build-server.mjs (a plain ES module, run by node without a compiler).
export const serverBundle: string;
export function serverNodeOptions(env?: Record<string, string | undefined>): string[];
export function buildBenchServer(): Promise<string>;
export function buildServer(options?: { force?: boolean }): Promise<boolean>;
