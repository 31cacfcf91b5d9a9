import type { Messages } from "../model.js";
import { InternalError } from "../errors.js";

export type MessageParams = Record<string, string | number>;

/** Replaces each `{name}` in `template` with `params[name]`; an unknown placeholder is an error. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new InternalError(`Message placeholder {${name}} has no value in "${template}".`);
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new InternalError(`Message placeholder {${name}} is ${value} in "${template}".`);
    }
    return String(value);
  });
}

/** Looks a key up in the locale messages and interpolates it; a missing key is a bug, so it throws. */
export function translate(messages: Messages, key: string, params?: MessageParams): string {
  const template = messages[key];
  if (template === undefined) throw new InternalError(`Missing locale message "${key}".`);
  return interpolate(template, params);
}

/** `translate` bound to one locale's messages. */
export function createTranslator(messages: Messages): (key: string, params?: MessageParams) => string {
  return (key, params) => translate(messages, key, params);
}
