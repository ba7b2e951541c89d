// `npm run demo`: builds the package (so `import "promptcall"` resolves to dist/) and runs the Node example.
import { spawnSync } from "node:child_process";

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
console.log("Building promptcall (dist/)…");
run("npx", ["rollup", "-c", "--silent"]);
run(process.execPath, ["examples/node/main.mjs"]);
