import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { findChromium } from "../../src/pdf/findChromium.js";
import { CHROMIUM_ARGS } from "../../src/pdf/launchPrinter.js";
import { publishTiny } from "./support.js";

let browser: Browser;
let publicDir = "";
let axeSource = "";

interface Watched {
  page: Page;
  /** Requests for anything outside public/ (aborted), console errors, page errors. */
  outside: string[];
  errors: string[];
}

/** A page that records console errors and aborts (and records) any request outside public/. */
async function watchedPage(options: { javaScript?: boolean } = {}): Promise<Watched> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(options.javaScript ?? true);
  const inside = pathToFileURL(publicDir).href + "/";
  const watched: Watched = { page, outside: [], errors: [] };
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url().startsWith(inside)) void request.continue();
    else {
      watched.outside.push(request.url());
      void request.abort();
    }
  });
  page.on("console", (message) => {
    if (message.type() === "error") watched.errors.push(message.text());
  });
  page.on("pageerror", (error) => watched.errors.push(String(error)));
  return watched;
}

/** The test has no DOM types: expressions are evaluated in the page as strings. */
const inPage = (page: Page, expression: string): Promise<unknown> => page.evaluate(expression);

const url = (path: string) => pathToFileURL(join(publicDir, path)).href;

/**
 * axe-core run inside the page: WCAG 2.1 A and AA rules; the serious and critical violations.
 * `preload: false`: axe would otherwise re-read the stylesheet with XMLHttpRequest, which file://
 * refuses (a console error of axe's, not of the site).
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(
    `axe.run(document, { preload: false, runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
       .then((r) => r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
       .map((v) => v.id + ": " + v.help + " — " + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")))`,
  )) as string[];
  return result;
}

beforeAll(async () => {
  ({ publicDir } = await publishTiny());
  axeSource = await readFile(join("node_modules", "axe-core", "axe.min.js"), "utf8");
  browser = await puppeteer.launch({
    executablePath: findChromium().path,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("the public site in Chromium, from file://", () => {
  it("goes from the national page to a region and a district and back, with no console error and no request outside the folder", async () => {
    const { page, outside, errors } = await watchedPage();
    await page.goto(url("index.html"), { waitUntil: "load" });
    expect(await page.title()).toContain("Perú");

    await Promise.all([
      page.waitForNavigation({ waitUntil: "load" }),
      page.click("table.league a[href='region/020000.html']"),
    ]);
    expect(page.url()).toBe(url("region/020000.html"));
    expect(await inPage(page, `document.querySelector("h1").textContent`)).toContain("DRE Áncash");

    await Promise.all([
      page.waitForNavigation({ waitUntil: "load" }),
      page.click("table.league a[href='../district/020002.html']"),
    ]);
    expect(page.url()).toBe(url("district/020002.html"));
    expect(await inPage(page, `document.querySelector("h1").textContent`)).toContain("UGEL Aija");

    // Back: to the region with the breadcrumb, to the district with the browser's history, and
    // to the nation with the breadcrumb.
    await Promise.all([
      page.waitForNavigation({ waitUntil: "load" }),
      page.click(".crumbs a[href='../region/020000.html']"),
    ]);
    expect(page.url()).toBe(url("region/020000.html"));
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.goBack()]);
    expect(page.url()).toBe(url("district/020002.html"));
    await Promise.all([
      page.waitForNavigation({ waitUntil: "load" }),
      page.click(".crumbs a[href='../index.html']"),
    ]);
    expect(page.url()).toBe(url("index.html"));

    // The English version, and back to Spanish.
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("a[hreflang='en']")]);
    expect(page.url()).toBe(url("en/index.html"));
    expect(await inPage(page, `document.documentElement.getAttribute("lang")`)).toBe("en");
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("a[hreflang='es']")]);
    expect(page.url()).toBe(url("index.html"));

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("has no serious or critical axe-core violation on any kind of page (es and en)", async () => {
    const found: Record<string, string[]> = {};
    for (const path of [
      "index.html",
      "region/010000.html",
      "district/010001.html",
      "about.html",
      "data.html",
      "en/index.html",
      "en/district/020003.html",
    ]) {
      const { page, outside, errors } = await watchedPage();
      await page.goto(url(path), { waitUntil: "load" });
      found[path] = [
        ...(await seriousViolations(page)),
        ...outside.map((u) => `request outside: ${u}`),
        ...errors,
      ];
      await page.close();
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((path) => [path, []])));
  }, 120_000);

  it("shows every table caption whole on a 390 px wide phone: none runs past the screen's edge", async () => {
    const { page } = await watchedPage();
    await page.setViewport({ width: 390, height: 844 });
    const clipped: string[] = [];
    for (const path of [
      "index.html",
      "region/020000.html",
      "district/020002.html",
      "data.html",
      "en/index.html",
    ]) {
      await page.goto(url(path), { waitUntil: "load" });
      const found = (await inPage(
        page,
        `[...document.querySelectorAll("caption, .caption")].map((c) => {
           const r = document.createRange(); r.selectNodeContents(c);
           const right = Math.max(...[...r.getClientRects()].map((x) => x.right));
           return right > document.documentElement.clientWidth + 0.5 ? c.textContent.trim().slice(0, 40) + " (right edge " + Math.round(right) + " px)" : "";
         }).filter(Boolean)`,
      )) as string[];
      clipped.push(...found.map((text) => `${path}: ${text}`));
    }
    expect(clipped).toEqual([]);
    await page.close();
  });

  it("works with JavaScript off: every unit is listed, the search box stays hidden", async () => {
    const { page, outside } = await watchedPage({ javaScript: false });
    await page.goto(url("index.html"), { waitUntil: "load" });
    expect(await inPage(page, `document.querySelectorAll(".directory .districts a").length`)).toBe(6);
    expect(await inPage(page, `document.querySelector("[data-search]").hidden`)).toBe(true);
    // Every map and chart has a text alternative.
    const unlabelled = await inPage(
      page,
      `[...document.querySelectorAll("svg[role='img']")].filter((svg) => !svg.getAttribute("aria-label")).length`,
    );
    expect(unlabelled).toBe(0);
    expect(outside).toEqual([]);
    await page.close();
  }, 60_000);

  it("filters the list offline with the optional search box, and shows keyboard focus", async () => {
    const { page, errors } = await watchedPage();
    await page.goto(url("index.html"), { waitUntil: "load" });
    await page.type("#search", "huaraz");
    const visible = await inPage(
      page,
      `[...document.querySelectorAll(".directory .districts li")].filter((li) => !li.hidden).map((li) => li.textContent)`,
    );
    expect(visible).toEqual([expect.stringContaining("UGEL Huaraz")]);

    // The first Tab lands on the skip link, which then shows with a visible outline.
    await page.goto(url("district/010001.html"), { waitUntil: "load" });
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(
      `(() => { const a = document.activeElement; const s = getComputedStyle(a); return { text: a.textContent, outline: s.outlineStyle, width: s.outlineWidth, left: a.getBoundingClientRect().left }; })()`,
    );
    expect(focus).toEqual({
      text: expect.any(String),
      outline: "solid",
      width: "3px",
      left: expect.any(Number),
    });
    expect((focus as { left: number }).left).toBeGreaterThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
