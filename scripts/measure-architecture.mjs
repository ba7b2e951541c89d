#!/usr/bin/env node
// `npm run measure`: the structural figures the architecture notes quote, counted from the TypeScript
// syntax trees of src/ (comments and strings never count):
//   import() sites, files over 300 lines, functions over 50 lines, `any` keywords (all / in core),
//   and the import floors of one folder (longest chain of imports between its own files).
//   node scripts/measure-architecture.mjs [folder-for-floors=src/providers/openai]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const floorsOf = resolve(root, process.argv[2] ?? "src/providers/openai");

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const files = walk(join(root, "src"));
let importSites = 0;
let anyAll = 0;
let anyCore = 0;
const longFiles = [];
const longFunctions = [];
const edges = new Map();

for (const file of files) {
  const text = readFileSync(file, "utf8");
  const rel = relative(root, file);
  const lines = text.split("\n").length;
  if (lines > 300) longFiles.push(`${rel} (${lines})`);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const deps = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) importSites++;
    if (node.kind === ts.SyntaxKind.AnyKeyword) {
      anyAll++;
      if (rel.startsWith("src/core/")) anyCore++;
    }
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      deps.push(node.moduleSpecifier.text);
    }
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessor(node)
    ) {
      if (node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.end).line;
        if (end - start + 1 > 50) {
          const name = node.name?.getText?.() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : "(anonymous)");
          longFunctions.push(`${rel}:${start + 1} ${name} (${end - start + 1})`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (file.startsWith(floorsOf)) {
    const targets = deps
      .filter((d) => d.startsWith("."))
      .map((d) => {
        const base = resolve(dirname(file), d);
        return [base, `${base}.ts`, join(base, "index.ts")].find((p) => p.startsWith(floorsOf) && files.includes(p));
      })
      .filter(Boolean);
    edges.set(file, targets);
  }
}

// Floors: the longest import chain inside the folder (a cycle counts once and is reported).
const depth = new Map();
const cycles = new Set();
function floor(file, stack = new Set()) {
  if (depth.has(file)) return depth.get(file);
  if (stack.has(file)) {
    cycles.add(relative(root, file));
    return 0;
  }
  stack.add(file);
  let d = 1;
  for (const dep of edges.get(file) ?? []) d = Math.max(d, 1 + floor(dep, stack));
  stack.delete(file);
  depth.set(file, d);
  return d;
}
let floors = 0;
for (const file of edges.keys()) floors = Math.max(floors, floor(file));

console.log(`source files: ${files.length}`);
console.log(`import() sites: ${importSites}`);
console.log(`files over 300 lines: ${longFiles.length}${longFiles.length ? ` (${longFiles.join(", ")})` : ""}`);
console.log(`functions over 50 lines: ${longFunctions.length}`);
for (const f of longFunctions) console.log(`  ${f}`);
console.log(`any: ${anyAll} (core: ${anyCore})`);
console.log(
  `import floors of ${relative(root, floorsOf)}: ${floors} over ${edges.size} files${cycles.size ? `; in a cycle: ${[...cycles].join(", ")}` : ""}`,
);
