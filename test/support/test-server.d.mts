/** A running test server. */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}
/** Context handed to a route handler. */
export interface RouteContext {
  req: import("node:http").IncomingMessage;
  res: import("node:http").ServerResponse;
  url: URL;
  query: Record<string, string>;
  params: { rest?: string };
  id: string;
  state: { hits: number; opened: boolean; closed: boolean };
}
export const routes: Record<string, (ctx: RouteContext) => unknown>;
export function startTestServer(options?: { port?: number }): Promise<TestServer>;
