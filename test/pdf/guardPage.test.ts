import { describe, expect, it } from "@jest/globals";
import { EventEmitter } from "node:events";
import { guardPage, type GuardablePage } from "../../src/pdf/guardPage.js";

/** A fake page (no Chromium) that emits what Chromium's page would. */
function fakePage() {
  const emitter = new EventEmitter();
  const state = { interception: false };
  const page = {
    setRequestInterception(enabled: boolean) {
      state.interception = enabled;
      return Promise.resolve();
    },
    on(event: string, handler: (arg: unknown) => void) {
      emitter.on(event, handler);
      return page;
    },
  };
  return { page: page as unknown as GuardablePage, emitter, state };
}

function request(url: string) {
  const aborted: string[] = [];
  return {
    aborted,
    url: () => url,
    abort: (code: string) => {
      aborted.push(code);
      return Promise.resolve();
    },
  };
}

describe("guardPage, on a fake page", () => {
  it("denies every request but data: URLs, and records each for the report being printed", async () => {
    const { page, emitter, state } = fakePage();
    const heard: [string, string][] = [];
    const watch = await guardPage(page, (job, url) => heard.push([job, url]));
    expect(state.interception).toBe(true);
    watch.job = "district 010002 (es)";
    const font = request("data:font/woff2;base64,AAAA");
    const pixel = request("http://127.0.0.1:9/pixel.png");
    emitter.emit("request", font);
    emitter.emit("request", pixel);
    expect(font.aborted).toEqual([]);
    expect(pixel.aborted).toEqual(["blockedbyclient"]);
    // file: URLs are refused before interception; Chromium says so on the console only.
    emitter.emit("console", { text: () => "Not allowed to load local resource: file:///etc/passwd" });
    emitter.emit("console", { text: () => "an unrelated message" });
    expect(watch.blocked).toEqual(["http://127.0.0.1:9/pixel.png", "file:///etc/passwd"]);
    expect(heard).toEqual([
      ["district 010002 (es)", "http://127.0.0.1:9/pixel.png"],
      ["district 010002 (es)", "file:///etc/passwd"],
    ]);
    expect(watch.crashed).toBe(false);
  });

  it("notes a crash of the page", async () => {
    const { page, emitter } = fakePage();
    const watch = await guardPage(page, () => {});
    emitter.emit("error", new Error("Page crashed!"));
    expect(watch.crashed).toBe(true);
  });
});
