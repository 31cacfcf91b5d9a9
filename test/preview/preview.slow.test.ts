import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import puppeteer, { type Browser } from "puppeteer-core";
import { readDataset } from "../../src/dataset/readDataset.js";
import type { Dataset } from "../../src/model.js";
import { findChromium } from "../../src/pdf/findChromium.js";
import { CHROMIUM_ARGS } from "../../src/pdf/launchPrinter.js";
import { startPreview, type Preview } from "../../src/preview/startPreview.js";

let preview: Preview;
let browser: Browser;
let dataset: Dataset;

beforeAll(async () => {
  dataset = (await readDataset("fixtures/tiny")).dataset as Dataset;
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
});
