const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const ADDRESS = new RegExp(`^${ATOM}(?:\\.${ATOM})*@${LABEL}(?:\\.${LABEL})+$`);

/**
 * A plain address `local@domain`, strictly: a dot-atom local part (no quotes, spaces, commas,
 * angle brackets, CR/LF, no leading, trailing or double dots) and a domain with at least one dot.
 */
export const isEmailAddress = (value: string): boolean => value.length <= 254 && ADDRESS.test(value);
