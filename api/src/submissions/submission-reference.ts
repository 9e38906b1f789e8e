/**
 * The transaction reference people read out on the phone and see in emails: `T-` and a number from
 * a database sequence (`T-1000001`, `T-1000002`, …). Digits only after the letter, so nothing can be
 * misheard or misread (no O/0, I/1, S/5), no region or year in it (a submission keeps its number
 * whatever is corrected), and never reused: the sequence never cycles and the column is UNIQUE.
 * Numbers start at 1,000,001 so every reference has at least seven digits and no leading zero; the
 * nine millionth submission simply gets an eighth digit.
 *
 * The database default is written from this definition (migration SubmissionReference1763901800001:
 * `submission_reference(nextval(…))`, with a CHECK from `SUBMISSION_REFERENCE_PATTERN`), and
 * test/submission-reference.spec.ts runs both on the same generated numbers.
 */
export const SUBMISSION_REFERENCE = {
  prefix: 'T-',
  /** The sequence's first (and smallest) value. */
  first: 1_000_001,
  /** At least this many digits after the prefix. */
  minDigits: 7,
} as const;

/** A reference as the database stores it: the prefix, then a number without leading zeros of at least seven digits. */
export const SUBMISSION_REFERENCE_PATTERN = new RegExp(
  `^${SUBMISSION_REFERENCE.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[1-9][0-9]{${SUBMISSION_REFERENCE.minDigits - 1},}$`,
);

/** The reference of the sequence's `n`th value; anything the sequence cannot give is an error. */
export function formatSubmissionReference(n: number): string {
  if (!Number.isSafeInteger(n) || n < SUBMISSION_REFERENCE.first) {
    throw new RangeError(`Not a submission reference number: ${n}`);
  }
  return `${SUBMISSION_REFERENCE.prefix}${n}`;
}

/**
 * What someone typed or read out, as the stored reference: any case, spaces, a missing or spaced
 * dash and a missing `T` are forgiven (`t 1000001`, `T1000001`, `1000001` → `T-1000001`). Null for
 * anything else, so a search box can tell a reference from a group ID or name.
 */
export function parseSubmissionReference(text: string): string | null {
  const compact = text.trim().toUpperCase().replace(/\s+/g, '');
  const match = /^(?:T-?)?([0-9]+)$/.exec(compact);
  if (!match) return null;
  const digits = match[1];
  if (digits.startsWith('0') || digits.length < SUBMISSION_REFERENCE.minDigits || digits.length > 16) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n >= SUBMISSION_REFERENCE.first ? formatSubmissionReference(n) : null;
}
