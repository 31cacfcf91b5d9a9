/** The parts of the `smpp` package (farhadi/node-smpp 0.5.1, untyped) this project uses. */
declare module "smpp" {
  import type { EventEmitter } from "node:events";
  import type { Server as NetServer } from "node:net";

  export interface PDU {
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    response(fields?: Record<string, unknown>): PDU;
    isResponse(): boolean;
  }

  export class Session extends EventEmitter {
    constructor(options: Record<string, unknown>);
    send(pdu: PDU, responseCallback?: (pdu: PDU) => void, sendCallback?: (pdu: PDU) => void): boolean;
    bind_transmitter(fields: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
    bind_transceiver(fields: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
    submit_sm(fields: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
    deliver_sm(fields: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
    unbind(callback?: (pdu: PDU) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    socket: import("node:net").Socket;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  export function connect(options: Record<string, unknown>, listener?: () => void): Session;
  export function createServer(
    options: Record<string, unknown>,
    listener: (session: Session) => void,
  ): Server;

  export const ESME_ROK: number;
  export const ESME_RTHROTTLED: number;
  export const ESME_RMSGQFUL: number;
  export const ESME_RINVPASWD: number;
  export const ESME_RBINDFAIL: number;
  export const ESME_RINVDSTADR: number;
  export const ESME_RSYSERR: number;
  export const errors: Record<string, number>;

  const smpp: {
    connect: typeof connect;
    createServer: typeof createServer;
    errors: Record<string, number>;
  };
  export default smpp;
}
