import { hashLinkToken, LINK_PLACEHOLDER, type LinkMinter, LinkMinters, newLinkToken, withLink, withoutLink } from './email-links';

describe('link tokens', () => {
  it('are long, URL-safe and never repeat', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newLinkToken().token));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('come with their SHA-256 hash, which is all that is stored', () => {
    const { token, hash } = newLinkToken();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashLinkToken(token));
    expect(hash).not.toContain(token);
    expect(hashLinkToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('placing a link in an email', () => {
  it.each([
    ['the placeholder', `Start: ${LINK_PLACEHOLDER}\nBye`, 'Start: /x?token=T\nBye'],
    ['the placeholder twice', `${LINK_PLACEHOLDER} or ${LINK_PLACEHOLDER}`, '/x?token=T or /x?token=T'],
    ['no placeholder', 'No link here', 'No link here'],
  ])('a body with %s', (_, body, sent) => {
    expect(withLink(body, '/x?token=T')).toBe(sent);
  });

  it.each([
    ['quoted by a mail server', '550 Blocked URL /x?token=T in message', '550 Blocked URL [link removed] in message'],
    ['absent', '451 Try again later', '451 Try again later'],
  ])('removes the link from an error where it is %s', (_, text, kept) => {
    expect(withoutLink(text, '/x?token=T')).toBe(kept);
  });
});

describe('LinkMinters', () => {
  const minter = (link: string | null): LinkMinter => ({ mint: jest.fn(async () => link) });

  it('asks the minter of the link kind, with the record id', async () => {
    const minters = new LinkMinters();
    const invitations = minter('/accept?token=T');
    minters.register('invitation', invitations);
    minters.register('other', minter(null));
    expect(await minters.mint({ kind: 'invitation', targetId: 'abc' })).toBe('/accept?token=T');
    expect(invitations.mint).toHaveBeenCalledWith('abc');
    expect(await minters.mint({ kind: 'other', targetId: 'abc' })).toBeNull();
  });

  it('refuses an unknown kind and a second minter for a kind', async () => {
    const minters = new LinkMinters();
    minters.register('invitation', minter(null));
    await expect(minters.mint({ kind: 'esign', targetId: 'abc' })).rejects.toThrow('No link minter is registered for "esign"');
    expect(() => minters.register('invitation', minter(null))).toThrow('already registered');
  });
});
