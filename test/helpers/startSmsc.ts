import smpp, { type PDU, type Session } from "smpp";
import { decodeGsm7, encodeGsm7 } from "../../src/deliver/sms/gsm7.js";

/** One submit_sm as the SMS centre received it. */
export interface ReceivedSubmit {
  destination: string;
  ton: number;
  npi: number;
  dataCoding: number;
  esmClass: number;
  /** short_message as bytes on the wire (UDH included). */
  bytes: Buffer;
  messageId: string;
}

/** What the fake centre does; tests change it between sends. */
export interface SmscBehaviour {
  /** The password a bind needs (system_id is not checked). */
  password: string;
  /** Answer ESME_RTHROTTLED to this many submits first. */
  throttle: number;
  /** Answer every submit with this status (0: ESME_ROK). */
  status: number;
  /** Never answer a submit. */
  silent: boolean;
  /** Answer this many submits, then none (Infinity: all). */
  answerFirst: number;
  /** Destroy the connection right after receiving a submit, without answering. */
  dropAfterSubmit: boolean;
  /** Send a delivery receipt (deliver_sm, stat:DELIVRD) after each accepted submit. */
  receipts: boolean;
}

export interface Smsc {
  port: number;
  url: (user?: string, password?: string) => string;
  /** Accepted submits. */
  submits: ReceivedSubmit[];
  /** The destination of every submit_sm received, answered or not. */
  received: string[];
  binds: { command: string; systemId: string }[];
  behaviour: SmscBehaviour;
  close: () => Promise<void>;
}

/**
 * A real SMPP server (the `smpp` package's createServer) on 127.0.0.1, with knobs for the faults a
 * centre shows: refused binds, throttling, silence, a drop after a submit, receipts.
 */
export async function startSmsc(behaviour: Partial<SmscBehaviour> = {}): Promise<Smsc> {
  const state: SmscBehaviour = {
    password: "secret",
    throttle: 0,
    status: 0,
    silent: false,
    answerFirst: Infinity,
    dropAfterSubmit: false,
    receipts: false,
    ...behaviour,
  };
  const submits: ReceivedSubmit[] = [];
  const received: string[] = [];
  const binds: Smsc["binds"] = [];
  const sessions = new Set<Session>();
  let counter = 0;
  const server = smpp.createServer({}, (session: Session) => {
    sessions.add(session);
    session.on("error", () => {});
    session.on("close", () => sessions.delete(session));
    const bind = (pdu: PDU) => {
      binds.push({ command: pdu.command, systemId: String(pdu.system_id) });
      if (pdu.password !== state.password) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RINVPASWD }));
        return;
      }
      session.send(pdu.response());
    };
    session.on("bind_transmitter", bind);
    session.on("bind_transceiver", bind);
    session.on("enquire_link", (pdu: PDU) => session.send(pdu.response()));
    session.on("unbind", (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on("submit_sm", (pdu: PDU) => {
      const raw = pdu.short_message;
      const bytes = rawBytes(raw);
      received.push(String(pdu.destination_addr));
      if (state.dropAfterSubmit) {
        session.destroy();
        return;
      }
      if (state.silent || submits.length >= state.answerFirst) return;
      if (state.throttle > 0) {
        state.throttle -= 1;
        session.send(pdu.response({ command_status: smpp.errors.ESME_RTHROTTLED }));
        return;
      }
      if (state.status !== 0) {
        session.send(pdu.response({ command_status: state.status }));
        return;
      }
      const messageId = `M${++counter}`;
      submits.push({
        destination: String(pdu.destination_addr),
        ton: pdu.dest_addr_ton as number,
        npi: pdu.dest_addr_npi as number,
        dataCoding: pdu.data_coding as number,
        esmClass: pdu.esm_class as number,
        bytes,
        messageId,
      });
      session.send(pdu.response({ message_id: messageId }));
      if (state.receipts) {
        session.deliver_sm({
          esm_class: 0x04,
          source_addr: String(pdu.destination_addr),
          short_message: `id:${messageId} sub:001 dlvrd:001 submit date:2610151000 done date:2610151001 stat:DELIVRD err:000 text:`,
        });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: (user = "semaforo", password = state.password) => `smpp://${user}:${password}@127.0.0.1:${port}`,
    submits,
    received,
    binds,
    behaviour: state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** short_message as it was on the wire (decoding is turned off below). */
function rawBytes(raw: unknown): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  throw new Error(`short_message was decoded (${typeof raw}): the raw-bytes switch did not take`);
}

// The package decodes short_message on receipt (and guesses the alphabet from data_coding & 0x0F);
// the tests check the bytes themselves, so decoding is turned off in the test process. The
// transport under test only decodes receipts, which it reads from raw bytes as well.
(
  smpp as unknown as { filters: { message: { decode: (value: unknown) => unknown } } }
).filters.message.decode = (value: unknown) => value;

/** An SMS as a phone puts it together from the submits: one part, or two joined by their UDH. */
export interface ReassembledSms {
  destination: string;
  text: string;
  parts: number;
}

/**
 * The SMS in `submits`, as a handset reassembles them: a part without UDH is a message; parts with
 * the concatenation UDH (05 00 03 ref total n) are joined by destination and reference. Each
 * fault found on the wire is named in `faults`: data_coding other than 0, TON/NPI other than 1/1,
 * bytes that are not GSM-7 septets (or do not encode back to the same bytes), a single part over
 * 160 septets, more than 2 parts, a part twice or missing.
 */
export function reassembleSms(submits: readonly ReceivedSubmit[]): {
  messages: ReassembledSms[];
  faults: string[];
} {
  const faults: string[] = [];
  const messages: ReassembledSms[] = [];
  const open = new Map<string, { total: number; parts: (string | undefined)[] }>();
  for (const s of submits) {
    const who = s.destination;
    if (s.dataCoding !== 0) faults.push(`${who}: data_coding ${s.dataCoding}`);
    if (s.ton !== 1 || s.npi !== 1) faults.push(`${who}: TON/NPI ${s.ton}/${s.npi}`);
    const udhi = (s.esmClass & 0x40) !== 0;
    const body = udhi ? s.bytes.subarray(6) : s.bytes;
    const text = gsm7Text(body);
    if (text === null) {
      faults.push(`${who}: bytes that are not GSM-7 septets`);
      continue;
    }
    if (!udhi) {
      if (body.length > 160) faults.push(`${who}: one part of ${body.length} septets`);
      messages.push({ destination: who, text, parts: 1 });
      continue;
    }
    const [length, iei, iedl, ref, total, seq] = [...s.bytes.subarray(0, 6)] as number[];
    if (length !== 5 || iei !== 0 || iedl !== 3 || !total || !seq || seq > total) {
      faults.push(`${who}: UDH ${[...s.bytes.subarray(0, 6)].join(" ")} is not a concatenation header`);
      continue;
    }
    if (total > 2) faults.push(`${who}: a message in ${total} parts`);
    const key = `${who}/${ref}`;
    const entry = open.get(key) ?? { total, parts: [] };
    if (entry.parts[seq - 1] !== undefined) faults.push(`${key}: part ${seq} twice`);
    entry.parts[seq - 1] = text;
    if (entry.parts.filter((p) => p !== undefined).length === entry.total) {
      messages.push({ destination: who, text: entry.parts.join(""), parts: entry.total });
      open.delete(key);
    } else open.set(key, entry);
  }
  for (const [key, entry] of open)
    faults.push(`${key}: ${entry.parts.filter((p) => p !== undefined).length} part(s) of ${entry.total}`);
  return { messages, faults };
}

function gsm7Text(bytes: Buffer): string | null {
  if (bytes.some((b) => b > 0x7f)) return null;
  const text = decodeGsm7(bytes);
  try {
    return encodeGsm7(text).equals(bytes) ? text : null;
  } catch {
    return null;
  }
}
