import type { Socket } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export interface Received {
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/** What the server answers for one message; undefined = accept. */
export type Verdict =
  | { reply: number; message: string }
  /** Read the whole message, then cut the connection without a reply. */
  | "drop"
  /** Read the whole message, then wait (never reply) until released by close(). */
  | "hold"
  | undefined;

export interface TestServerOptions {
  /** Called at MAIL FROM, RCPT TO and after DATA; `n` counts calls of that step from 1. */
  onMailFrom?: (n: number) => Verdict;
  onRcptTo?: (address: string, n: number) => Verdict;
  onData?: (to: string[], n: number) => Verdict;
  /** Called when a message was read completely (accepted or not). */
  onMessageRead?: (to: string[]) => void;
  /** Offer AUTH (without TLS, on loopback) and refuse every login with 535. */
  refuseLogin?: boolean;
}

export interface TestServer {
  port: number;
  url: string;
  /** Messages accepted (250 after DATA), in order. */
  received: Received[];
  /** Messages read completely but not acknowledged (dropped or held). */
  unacknowledged: { to: string[]; raw: Buffer }[];
  /** Every RCPT TO address seen. */
  rcptTo: string[];
  /** How many connections were opened. */
  readonly connections: number;
  /** Resolves once no client connection is open (the client closed its side). */
  allClosed(): Promise<void>;
  close(): Promise<void>;
}

const smtpError = (verdict: { reply: number; message: string }) =>
  Object.assign(new Error(verdict.message), { responseCode: verdict.reply });

/** A real SMTP server (smtp-server) on 127.0.0.1 and an ephemeral port, without TLS or auth. */
export async function startSmtpServer(options: TestServerOptions = {}): Promise<TestServer> {
  const received: Received[] = [];
  const unacknowledged: { to: string[]; raw: Buffer }[] = [];
  const rcptTo: string[] = [];
  const sockets = new Set<Socket>();
  const held: (() => void)[] = [];
  const counts = { mail: 0, data: 0 };
  const rcptCounts = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.refuseLogin ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth(_auth, _session, callback) {
      callback(Object.assign(new Error("Authentication credentials invalid"), { responseCode: 535 }));
    },
    logger: false,
    size: 20 * 1024 * 1024,
    closeTimeout: 100,
    onMailFrom(_address, _session, callback) {
      const verdict = options.onMailFrom?.(++counts.mail);
      if (verdict && typeof verdict === "object") return callback(smtpError(verdict));
      callback();
    },
    onRcptTo(address, _session, callback) {
      rcptTo.push(address.address);
      const n = (rcptCounts.get(address.address) ?? 0) + 1;
      rcptCounts.set(address.address, n);
      const verdict = options.onRcptTo?.(address.address, n);
      if (verdict && typeof verdict === "object") return callback(smtpError(verdict));
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((r) => r.address);
        options.onMessageRead?.(to);
        const verdict = options.onData?.(to, ++counts.data);
        if (verdict === "drop") {
          unacknowledged.push({ to, raw });
          for (const socket of sockets) socket.destroy();
          return;
        }
        if (verdict === "hold") {
          unacknowledged.push({ to, raw });
          held.push(() => callback(smtpError({ reply: 451, message: "released" })));
          return;
        }
        if (verdict) return callback(smtpError(verdict));
        const parsing = simpleParser(raw).then((parsed) => {
          received.push({ to, raw, parsed });
          callback();
        });
        pending.push(parsing);
      });
    },
  });
  let connections = 0;
  const closedWaiters: (() => void)[] = [];
  server.server.on("connection", (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      if (sockets.size === 0) for (const resolve of closedWaiters.splice(0)) resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    unacknowledged,
    rcptTo,
    get connections() {
      return connections;
    },
    allClosed() {
      if (sockets.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => closedWaiters.push(resolve));
    },
    async close() {
      await Promise.all(pending);
      for (const release of held.splice(0)) release();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
