/** Signs tokens outside production when JWT_SECRET is unset; published here, so production refuses it. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-never-used-in-production!';

/**
 * Every JWT secret this repository has published (docker-compose's old default, the development
 * value, the benchmark's): anyone can read them, so anyone could sign an admin token with them.
 */
const PUBLISHED_JWT_SECRETS = [
  DEVELOPMENT_JWT_SECRET,
  'change-me-to-a-long-random-secret-of-32-chars',
  'bench-only-secret-0123456789abcdefghijklmnop',
];

const MIN_JWT_SECRET_LENGTH = 32;
const MIN_JWT_SECRET_BITS = 128;

/** Words people put in hand-made secrets: each counts as one character, not as many. */
const SECRET_WORDS = [
  'secret', 'password', 'passwd', 'passphrase', 'change', 'replace', 'default', 'example', 'sample',
  'demo', 'test', 'development', 'develop', 'production', 'staging', 'local', 'bench', 'only', 'never',
  'used', 'please', 'random', 'long', 'chars', 'characters', 'super', 'jwt', 'token', 'key', 'sign',
  'signing', 'admin', 'letmein', 'qwerty', 'welcome', 'hello', 'company', 'server', 'api', 'app',
  'the', 'this', 'that', 'for', 'and', 'with', 'very', 'our', 'your', 'new', 'year', 'back', 'office',
  'small', 'business', 'broker', 'sbo',
].sort((a, b) => b.length - a.length);

/** A stretch this long seen earlier in the secret is a repeated pattern. */
const MIN_REPEAT = 4;

/** Length of the longest stretch starting at `i` that already occurred earlier in `s` (0 when under MIN_REPEAT). */
function repeatAt(s: string, i: number): number {
  let length = 0;
  while (i + length < s.length && s.indexOf(s.slice(i, i + length + 1)) < i) length++;
  return length >= MIN_REPEAT ? length : 0;
}

function bitsPerCharacter(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  if (counts.size < 2) return 0;
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  // Miller–Madow: the frequencies of a short sample underestimate its entropy by about this much.
  return bits + (counts.size - 1) / (2 * s.length * Math.LN2);
}

/**
 * The characters a guesser cannot predict from what came before: a common word counts as one, a
 * stretch repeating an earlier one as one, and a character equal to or next to the previous one
 * (aa, ab, 21) as none.
 */
export function unpredictableCharacters(secret: string): number {
  const lower = secret.toLowerCase();
  let count = 0;
  for (let i = 0; i < secret.length; ) {
    const word = SECRET_WORDS.find((w) => lower.startsWith(w, i));
    const skip = word?.length ?? repeatAt(secret, i);
    if (skip) {
      count += 1;
      i += skip;
      continue;
    }
    if (i === 0 || Math.abs(secret.charCodeAt(i) - secret.charCodeAt(i - 1)) > 1) count += 1;
    i += 1;
  }
  return count;
}

/**
 * How many bits a guesser must cover, estimated from the secret alone: each unpredictable character
 * is worth the secret's Shannon entropy per character, from its own character frequencies (so few
 * distinct characters are worth little). A random generator's output loses almost nothing by this.
 */
export const estimatedSecretBits = (secret: string) => unpredictableCharacters(secret) * bitsPerCharacter(secret);

const HOW_TO = 'generate one with: openssl rand -base64 48';

/**
 * Why a secret may not sign tokens, or undefined when it may. Outside production only its length
 * is checked: developers and tests may use simple values on their own machines.
 */
export function jwtSecretProblem(secret: string, production: boolean): string | undefined {
  if (secret.length < MIN_JWT_SECRET_LENGTH) {
    return `JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters; ${HOW_TO}`;
  }
  if (!production) return undefined;
  if (PUBLISHED_JWT_SECRETS.some((published) => secret.includes(published))) {
    return `JWT_SECRET is a value published in this repository, so anyone could sign tokens with it; ${HOW_TO}`;
  }
  const bits = Math.floor(estimatedSecretBits(secret));
  if (bits < MIN_JWT_SECRET_BITS) {
    return `JWT_SECRET looks guessable (about ${bits} bits; at least ${MIN_JWT_SECRET_BITS} needed: no words, repeats or sequences); ${HOW_TO}`;
  }
  return undefined;
}
