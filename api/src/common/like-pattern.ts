/** `text` with LIKE's wildcards (and the escape character) escaped, to match literally inside a pattern. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
