import smpp, { type PDU, type Session } from "smpp";

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
