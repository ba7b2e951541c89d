// examples/browser: the chat page served by the example Worker (plain miniflare on a real port, fake
// OpenAI upstream), driven in Debian's Chromium by playwright-core. Checks the streamed text in the
// DOM and in a screenshot, and that closing the tab or pressing Stop closes the upstream connection.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortReply, type FakeOpenAI } from "../../examples/worker/fake-openai.mjs";
import { serveExample } from "../../examples/worker/serve.mjs";
import { chromiumArgs, chromiumPath } from "../support/chromium.mjs";

const root = join(import.meta.dirname, "..", "..");
const screenshotPath = join(root, ".test-results", "browser-example.png");

/** Counts the dark ("ink") pixels of a PNG by drawing it on a canvas in the page. */
function inkPixels(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(
    async (dataUrl) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 3 * 128) ink++;
      return ink;
    },
    `data:image/png;base64,${png.toString("base64")}`,
  );
}

describe("examples/browser in Chromium, through the example Worker", () => {
  let app: Awaited<ReturnType<typeof serveExample>>;
  let upstream: FakeOpenAI;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(root, "dist", "index.js"))) throw new Error("dist/ is missing: run `npm run build` first");
    const [served, launched] = await Promise.all([
      serveExample({ port: 0 }),
      chromium.launch({ executablePath: chromiumPath, args: chromiumArgs }),
    ]);
    app = served;
    upstream = served.fake!;
    browser = launched;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function askInNewPage(message: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 800, height: 500 } });
    await page.goto(app.url.href);
    await page.fill("#message", message);
    await page.click("#send");
    return page;
  }

  it("streams the reply into the page; the screenshot shows it", async () => {
    const message = "Hello from Chromium";
    const page = await askInNewPage(message);
    await page.waitForSelector('#reply[data-state="done"]', { timeout: 10_000 });
    const reply = page.locator("#reply");
    expect(await reply.textContent()).toBe(shortReply(message));
    expect(await page.textContent("#status")).toMatch(/^Done: gpt-4o-mini, \d+ tokens/);
    expect(upstream.requests.at(-1)!.authorization).toBe("Bearer sk-fake-local");

    const box = await reply.boundingBox();
    expect(await reply.isVisible()).toBe(true);
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(20);
    mkdirSync(join(root, ".test-results"), { recursive: true });
    const png = await page.screenshot({ path: screenshotPath });
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(png.length).toBeGreaterThan(5_000);
    // The reply box holds rendered text: its screenshot has many dark pixels, the empty box none.
    expect(await inkPixels(page, await reply.screenshot())).toBeGreaterThan(300);
    await page.evaluate(() => (document.querySelector("#reply")!.textContent = ""));
    expect(await inkPixels(page, await reply.screenshot())).toBe(0);
    await page.close();
  });

  it("closing the tab mid-reply closes the upstream connection", async () => {
    const page = await askInNewPage("Tell me a story");
    await page.waitForFunction(() => (document.querySelector("#reply")?.textContent ?? "").includes("and then 3"), null, {
      timeout: 10_000,
    });
    const request = upstream.requests.at(-1)!;
    const closedTabAt = performance.now();
    await page.close();
    const closedAt = await upstream.waitForClientClose(request, 5_000);
    expect(closedAt, "the upstream never saw the connection close").toBeDefined();
    expect(closedAt! - closedTabAt).toBeLessThan(3_000);
    expect(request.finished).toBe(false);
    expect(request.chunksSent).toBeLessThan(60);
  });

  it("the Stop button aborts the fetch, which closes the upstream connection", async () => {
    const page = await askInNewPage("Tell me a story, please");
    await page.waitForFunction(() => (document.querySelector("#reply")?.textContent ?? "").includes("and then 2"), null, {
      timeout: 10_000,
    });
    const request = upstream.requests.at(-1)!;
    await page.click("#stop");
    await page.waitForSelector('#reply[data-state="stopped"]', { timeout: 5_000 });
    expect(await upstream.waitForClientClose(request, 5_000)).toBeDefined();
    expect(request.finished).toBe(false);
    await page.close();
  });
});
