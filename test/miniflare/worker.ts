// A tiny Worker built from dist/ (the published build), bundled by esbuild and run in plain
// miniflare with no compatibility flags: proof that the package needs nothing but web APIs.
// Extend `routes` to exercise more of the library inside workerd.
import * as promptcall from "../../dist/index.js";

interface Env {
  SERVER_URL: string;
}

const routes: Record<string, (request: Request, env: Env) => Promise<Response> | Response> = {
  "/": () => Response.json({ runtime: navigator.userAgent, exports: Object.keys(promptcall).sort() }),
  "/echo": async (_request, env) => {
    const res = await fetch(`${env.SERVER_URL}/echo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"from":"worker"}',
    });
    return Response.json(await res.json());
  },
};

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const route = routes[new URL(request.url).pathname];
    return route ? route(request, env) : new Response("not found", { status: 404 });
  },
};
