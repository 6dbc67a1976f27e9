// Checks every internal link in the built site (.vitepress/dist): each must reach a file that the
// build wrote, and a link with a `#fragment` must reach an element with that id on its page.
// It also checks that no code sample shows a test marker (`// compile-only`), which the VitePress
// config hides from readers. Exits non-zero with one line per problem. Run after `vitepress
// build`; no server, no network.
import { existsSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", ".vitepress", "dist");
if (!existsSync(dist)) {
  console.error(`link check: ${dist} is missing; run vitepress build first`);
  process.exit(1);
}

async function listHtml(folder) {
  const files = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listHtml(path)));
    else if (entry.name.endsWith(".html")) files.push(path);
  }
  return files;
}

/** The file a site path is served from under cleanUrls, or undefined when there is none. */
function fileFor(pathname) {
  const path = join(dist, decodeURIComponent(pathname));
  const candidates = pathname.endsWith("/")
    ? [join(path, "index.html")]
    : [path, `${path}.html`, join(path, "index.html")];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

const ids = new Map();
async function idsOf(file) {
  if (!ids.has(file)) {
    const html = await readFile(file, "utf8");
    ids.set(file, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1])));
  }
  return ids.get(file);
}

const pages = await listHtml(dist);
const broken = [];
let checked = 0;
for (const page of pages) {
  const html = await readFile(page, "utf8");
  const pagePath = `/${relative(dist, page).split(sep).join("/")}`;
  if (html.includes("// compile-only"))
    broken.push(`${pagePath}: shows a "// compile-only" marker`);
  for (const [, href] of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
    const target = href.replaceAll("&amp;", "&");
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) continue;
    const url = new URL(target, `https://site.invalid${pagePath}`);
    const file = fileFor(url.pathname);
    checked += 1;
    if (!file) {
      broken.push(`${pagePath}: ${href} (no such page)`);
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && file.endsWith(".html") && !(await idsOf(file)).has(fragment)) {
      broken.push(`${pagePath}: ${href} (no element with id "${fragment}")`);
    }
  }
}

if (broken.length > 0) {
  console.error(broken.join("\n"));
  console.error(`link check: ${broken.length} broken of ${checked} internal links`);
  process.exit(1);
}
console.log(`link check: ${checked} internal links in ${pages.length} pages, none broken`);
