// `npm run demo`: runs the Node example against dist/ (so `import "promptcall"` resolves as for a user),
// building the JavaScript first when src/ changed since the last build (types are not needed to run).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", shell: process.platform === "win32", env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

/** The newest modification time of the files under dir (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    latest = Math.max(latest, stat.isDirectory() ? newest(path) : stat.mtimeMs);
  }
  return latest;
}

const built = existsSync("dist/index.js") ? statSync("dist/index.js").mtimeMs : 0;
if (built < Math.max(newest("src"), statSync("package.json").mtimeMs)) {
  console.log("Building promptcall (dist/)…");
  run("npx", ["rollup", "-c", "--silent"], { PROMPTCALL_BUILD: "js" });
}
run(process.execPath, ["examples/node/main.mjs"]);
