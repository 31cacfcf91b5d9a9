import MailComposer, { type MailComposerOptions } from "nodemailer/lib/mail-composer";

/** Encodes a message (headers, bodies, attachment) into its RFC 5322 bytes. No IO. */
export async function composeMessage(mail: MailComposerOptions): Promise<Buffer> {
  return new MailComposer(mail).compile().build();
}
