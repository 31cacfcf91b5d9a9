import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpSmsTransport } from "../../../src/deliver/sms/createHttpSmsTransport.js";
import { createSmsOutboxTransport } from "../../../src/deliver/sms/createSmsOutboxTransport.js";
import { parseSmsUrl } from "../../../src/deliver/sms/parseSmsUrl.js";
import type { SmsMessage } from "../../../src/deliver/sms/types.js";

jest.setTimeout(30_000);

const message: SmsMessage = {
  to: "+51987654321",
  text: "Niño ¿bien? Ref ABCDE",
  reference: "ABCDE",
  outboxName: "a.txt",
};

interface Received {
  method: string;
  path: string;
  authorization?: string;
  body: unknown;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A node:http gateway on 127.0.0.1 that answers each request with `reply`. */
async function gateway(reply: (n: number, req: IncomingMessage, res: ServerResponse) => void) {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        path: req.url ?? "",
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
      });
      reply(received.length, req, res);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as { port: number }).port;
  return { received, url: (path = "/sms") => `http://127.0.0.1:${port}${path}`, port };
}

const make = (url: string, timeoutMs = 2000) => {
  const settings = parseSmsUrl(url);
  if (settings.kind !== "http") throw new Error("not http");
  return createHttpSmsTransport(settings, { timeoutMs });
};

describe("createHttpSmsTransport against a node:http gateway", () => {
  it("POSTs {to, text, reference} as JSON with Basic credentials; 2xx is sent with the gateway's id", async () => {
    const g = await gateway((_n, _req, res) =>
      res.writeHead(201, { "content-type": "application/json" }).end('{"id": 42}'),
    );
    const outcome = await make(g.url().replace("http://", "http://api:p%40ss@")).send(message);
    expect(outcome).toMatchObject({ status: "sent", ids: ["42"] });
    expect(outcome.reply).not.toContain("p@ss");
    expect(g.received).toEqual([
      {
        method: "POST",
        path: "/sms",
        authorization: `Basic ${Buffer.from("api:p@ss").toString("base64")}`,
        body: { to: "+51987654321", text: "Niño ¿bien? Ref ABCDE", reference: "ABCDE" },
      },
    ]);
  });

  it("429 and 503 are temporary with Retry-After; other 4xx permanent; 401 fatal; 5xx lost", async () => {
    const answers: [number, Record<string, string>][] = [
      [429, { "retry-after": "7" }],
      [503, {}],
      [400, {}],
      [401, {}],
      [500, {}],
    ];
    const g = await gateway((n, _req, res) => {
      const [code, headers] = answers[n - 1] as [number, Record<string, string>];
      res.writeHead(code, headers).end("nope");
    });
    const t = make(g.url());
    expect(await t.send(message)).toMatchObject({ status: "rejected", permanent: false, retryAfterMs: 7000 });
    expect(await t.send(message)).toMatchObject({ status: "rejected", permanent: false });
    expect(await t.send(message)).toMatchObject({
      status: "rejected",
      permanent: true,
      reply: "HTTP 400 nope",
    });
    expect(await t.send(message)).toMatchObject({ status: "not-sent", fatal: true });
    expect(await t.send(message)).toMatchObject({ status: "lost" });
  });

  it("a timeout after the request was sent is lost (unknown)", async () => {
    const g = await gateway(() => {
      /* never answers */
    });
    const outcome = await make(g.url(), 300).send(message);
    expect(outcome).toMatchObject({ status: "lost" });
    expect(g.received).toHaveLength(1);
  });

  it("an unreachable gateway is not sent (retried), never lost", async () => {
    const g = await gateway(() => {});
    const url = g.url();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    expect(await make(url).send(message)).toMatchObject({ status: "not-sent", fatal: false });
  });
});

describe("createSmsOutboxTransport", () => {
  it("writes one text file per SMS with its number, reference, length and segments", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "semaforo-sms-")), "outbox", "sms");
    const outcome = await createSmsOutboxTransport(dir).send(message);
    expect(outcome).toEqual({ status: "written", reply: "written to outbox/sms/a.txt" });
    expect(readdirSync(dir)).toEqual(["a.txt"]);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe(
      "To: +51987654321\nReference: ABCDE\nLength: 21\nSegments: 1\n\nNiño ¿bien? Ref ABCDE\n",
    );
  });
});
