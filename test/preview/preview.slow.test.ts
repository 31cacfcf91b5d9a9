import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { request } from "node:http";
import puppeteer, { type Browser } from "puppeteer-core";
import type { Dataset } from "../../src/model.js";
import { findChromium } from "../../src/pdf/findChromium.js";
import { CHROMIUM_ARGS } from "../../src/pdf/launchPrinter.js";
import { startPreview, type Preview } from "../../src/preview/startPreview.js";
import { readTinyDataset } from "../helpers/tiny.js";

let preview: Preview;
let browser: Browser;
let dataset: Dataset;

beforeAll(async () => {
  dataset = await readTinyDataset();
  preview = await startPreview({ dataset, period: "2026-05", locales: ["es", "en"], port: 0 });
  browser = await puppeteer.launch({
    executablePath: findChromium().path,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe("semaforo preview", () => {
  it("serves an index of every report, and each link opens that report's HTML", async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on("requestfailed", (request) => failed.push(request.url()));
    await page.goto(preview.url, { waitUntil: "load" });
    // The test has no DOM types: expressions are evaluated in the page as strings.
    const links = (await page.evaluate(
      `[...document.querySelectorAll("a[href$='.html']")].map((a) => ({ href: a.getAttribute("href"), text: a.textContent }))`,
    )) as { href: string; text: string }[];
    // 1 national + 2 regions + 6 districts, in Spanish (the default index).
    expect(links.filter((l) => l.href.endsWith(".es.html"))).toHaveLength(9);

    const district = dataset.districts[0]!;
    const link = links.find((l) => l.href === `/district/${district.code}.es.html`);
    expect(link).toBeDefined();
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click(`a[href='${link!.href}']`)]);
    expect(page.url()).toBe(new URL(link!.href, preview.url).toString());
    const text = String(await page.evaluate("document.body.innerText"));
    expect(text).toContain(district.name);
    for (const indicator of dataset.indicators) expect(text).toContain(indicator.label.es);
    // Same closed world as printing: the report loads nothing.
    expect(failed).toEqual([]);
    await page.close();
  });

  it("answers 404 for an unknown report", async () => {
    const response = await fetch(new URL("/district/999999.es.html", preview.url));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("links the Spanish and English indexes to each other", async () => {
    const page = await browser.newPage();
    await page.goto(preview.url, { waitUntil: "load" });
    await Promise.all([
      page.waitForNavigation({ waitUntil: "load" }),
      page.click("nav.index-languages a[hreflang='en']"),
    ]);
    expect(new URL(page.url()).pathname).toBe("/en/");
    expect(String(await page.evaluate("document.documentElement.lang"))).toBe("en");
    const back = (await page.evaluate(
      `[...document.querySelectorAll("nav.index-languages a")].map((a) => a.getAttribute("href"))`,
    )) as string[];
    expect(back).toEqual(["/es/"]);
    await page.close();
  });

  it("answers only to its own address (no DNS rebinding)", async () => {
    const url = new URL(preview.url);
    const get = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { host: url.hostname, port: url.port, path: "/", headers: { host } },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end();
      });
    expect(await get("evil.example")).toBe(421);
    expect(await get(`evil.example:${url.port}`)).toBe(421);
    expect(await get(`127.0.0.1:${url.port}`)).toBe(200);
    expect(await get(`localhost:${url.port}`)).toBe(200);
  });
});
