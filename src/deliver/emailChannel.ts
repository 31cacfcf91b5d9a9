import type { Channel } from "./channel.js";
import { prepareMessage, type MessageSettings } from "./prepareMessage.js";
import type { MailTransport, OutgoingMessage } from "./types.js";

/** The e-mail channel: one message per recipient address, the report's PDF attached (prepareMessage). */
export function emailChannel(settings: MessageSettings, transport: MailTransport): Channel<OutgoingMessage> {
  /** Deliveries come grouped by report: the last PDF read serves the next address. */
  const cache: { file?: string; bytes?: Buffer } = {};
  return {
    transport,
    prepare: (delivery) => prepareMessage(settings, delivery, cache),
  };
}
