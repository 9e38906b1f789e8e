import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

/** argon2id: memory-hard, so a stolen hash is expensive to brute-force. */
export const hashPassword = (plain: string) => argon2.hash(plain, { type: argon2.argon2id });

/**
 * A hash of a password nobody knows, with the same parameters as real ones: checking a login
 * against it when the email has no password costs what a real check costs, so the answer's
 * timing does not tell whether the account exists.
 */
let unknownAccountHash: Promise<string> | undefined;
const hashForUnknownAccount = () => (unknownAccountHash ??= hashPassword(randomBytes(32).toString('base64')));

/** Whether `plain` is the password of `hash`; with no hash it does the same work and answers false. */
export async function verifyPassword(hash: string | null | undefined, plain: string): Promise<boolean> {
  try {
    const matches = await argon2.verify(hash || (await hashForUnknownAccount()), plain);
    return matches && Boolean(hash);
  } catch {
    return false;
  }
}
