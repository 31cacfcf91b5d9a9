/** The largest encoded message `send` hands over by default (`--max-size`), in bytes: 10 MB. */
export const DEFAULT_MAX_SIZE = 10 * 1024 * 1024;
