import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from './app-config';
import { DEVELOPMENT_JWT_SECRET, estimatedSecretBits, jwtSecretProblem, unpredictableCharacters } from './jwt-secret';

const REPO = resolve(__dirname, '../../..');

describe('jwtSecretProblem in production', () => {
  it.each([
    ['openssl rand -base64 48', 'FwcX/kL0gZXAymbFV1ix9EE/8inQhXdNaFxjEjNFOf9T7D6bodPwAjKCGlz8HvZG'],
    ['openssl rand -hex 32', 'a91c2db9299b15cb942f0d4ccebb77a0b4efeb634d1ef830cf91f1f924c27dfb'],
    ['openssl rand -base64 32', 'wd6xjQNzVztB1WrpigINXB/fLPZ2n0BAQjuGZuvDw98='],
    ['two UUIDs', '0722346b-bc0f-42f7-aed7-325f1225131dd87d1100-7c2e-46b8-8de5-5ac82a9621d2'],
  ])('accepts a generated secret (%s)', (_, secret) => {
    expect(jwtSecretProblem(secret, true)).toBeUndefined();
  });

  it.each([
    ['the development value', DEVELOPMENT_JWT_SECRET, /published in this repository/],
    ["docker-compose's old default", 'change-me-to-a-long-random-secret-of-32-chars', /published in this repository/],
    ["the benchmark's old value", 'bench-only-secret-0123456789abcdefghijklmnop', /published in this repository/],
    ['a published value with something added', `${DEVELOPMENT_JWT_SECRET}2`, /published in this repository/],
    ['too short', 'Xk2#9fQ!zL7@pW4$', /at least 32 characters/],
    ['one character repeated', 'a'.repeat(64), /looks guessable \(about 0 bits/],
    ['a repeated pattern', 'Xy7!'.repeat(16), /looks guessable/],
    ['the alphabet and digits in order', 'abcdefghijklmnopqrstuvwxyz0123456789', /looks guessable/],
    ['few distinct characters', '0110100111010010110100101101001011010010', /looks guessable/],
    ['dictionary words', 'my-super-secret-jwt-signing-key-2024!', /looks guessable/],
    ['a phrase in camel case', 'ThisIsMyVeryLongProductionSecretForTheBackOffice2025!', /looks guessable/],
  ])('refuses %s', (_, secret, message) => {
    expect(jwtSecretProblem(secret, true)).toMatch(message);
  });

  it('accepts what the documented command generates, every time', () => {
    for (let i = 0; i < 500; i++) expect(jwtSecretProblem(randomBytes(48).toString('base64'), true)).toBeUndefined();
  });

  // `JWT_SECRET: value`, `JWT_SECRET=value` and compose's `${JWT_SECRET:-value}`; not `${JWT_SECRET:?message}`.
  const secretsWrittenIn = (text: string) =>
    [...text.matchAll(/JWT_SECRET(?::-|[:=])\s*['"]?([^\s'"$?{}][^\s'"}]*)/g)].map((m) => m[1]);

  it.each([
    ['      JWT_SECRET: ${JWT_SECRET:-change-me-to-a-long-random-secret-of-32-chars}', ['change-me-to-a-long-random-secret-of-32-chars']],
    ["      JWT_SECRET: 'bench-only-secret-0123456789abcdefghijklmnop',", ['bench-only-secret-0123456789abcdefghijklmnop']],
    ['JWT_SECRET=Zm9vYmFy npm start', ['Zm9vYmFy']],
    ['      JWT_SECRET: ${JWT_SECRET:?set JWT_SECRET to a long random value, e.g. openssl rand -base64 48}', []],
  ])('finds the secret written in %j', (line, secrets) => {
    expect(secretsWrittenIn(line)).toEqual(secrets);
  });

  it('refuses every JWT_SECRET value written in the repository', () => {
    const files = ['README.md', 'docker-compose.yml', 'Dockerfile', 'api/bench/api-process.ts', 'e2e/playwright.config.ts'];
    const written = files.flatMap((file) => secretsWrittenIn(readFileSync(resolve(REPO, file), 'utf8')));
    for (const secret of written) expect([secret, jwtSecretProblem(secret, true)]).toEqual([secret, expect.any(String)]);
  });
});

describe('jwtSecretProblem outside production', () => {
  it.each([
    [DEVELOPMENT_JWT_SECRET, undefined],
    ['a'.repeat(32), undefined],
    ['short', expect.stringMatching(/at least 32 characters/)],
  ])('checks only the length of %s', (secret, expected) => {
    expect(jwtSecretProblem(secret, false)).toEqual(expected);
  });
});

describe('unpredictableCharacters', () => {
  it.each([
    ['q8Zk', 4],
    ['aaaa', 1],
    ['abcd', 1],
    ['4321', 1],
    ['secret', 1],
    ['PassWord', 1],
    ['x9secretx9', 5],
    ['Xy7!Xy7!Xy7!', 5],
  ])('%s has %i', (secret, count) => {
    expect(unpredictableCharacters(secret)).toBe(count);
  });
});

describe('estimatedSecretBits', () => {
  it.each([
    ['', 0],
    ['a'.repeat(64), 0],
    // 2 bits each by frequency, plus the small-sample correction: 3 / (2 * 4 * ln 2).
    ['q8Zk', 4 * (2 + 3 / (8 * Math.LN2))],
  ])('%j is worth %d bits', (secret, bits) => {
    expect(estimatedSecretBits(secret)).toBeCloseTo(bits, 6);
  });
});

describe('loadConfig and JWT_SECRET', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@db/sbo', DATABASE_APP_URL: 'postgres://y@db/sbo' };

  it('refuses to start in production with a published secret, saying why', () => {
    expect(() => loadConfig({ ...production, JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      /Invalid configuration:[\s\S]*JWT_SECRET is a value published in this repository.*openssl rand -base64 48/,
    );
  });

  it('starts in production with a generated secret', () => {
    const secret = randomBytes(48).toString('base64');
    expect(loadConfig({ ...production, JWT_SECRET: secret }).jwtSecret).toBe(secret);
  });

  it('signs with the development value when unset outside production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
  });
});
