import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/*
 * Single-use links (invitations, later e-sign requests) are secrets: whoever holds one acts as its
 * recipient. So no link rests in the outbox. A queued email keeps this placeholder and names the
 * record its link is for; the worker asks that record's minter for a fresh link only when it sends,
 * and the token then exists in memory and in the email sent, nowhere else.
 */

/** Where the link goes in a queued email's body. */
export const LINK_PLACEHOLDER = '{{link}}';

/** The link a queued email carries: what kind of record mints it, and which one. */
export interface EmailLink {
  kind: string;
  targetId: string;
}

/**
 * Mints the links of one kind of record: a new token, of which only the hash is stored on the
 * record (replacing any earlier one, so only the newest email's link works), and the link with it.
 * Null when the record can no longer be used (accepted, withdrawn, expired): nothing is sent then.
 */
export interface LinkMinter {
  mint(targetId: string): Promise<string | null>;
}

/** The minters by kind. Features register theirs here, so notifications depends on none of them. */
@Injectable()
export class LinkMinters {
  private readonly minters = new Map<string, LinkMinter>();

  register(kind: string, minter: LinkMinter): void {
    if (this.minters.has(kind)) throw new Error(`A link minter for "${kind}" is already registered`);
    this.minters.set(kind, minter);
  }

  mint(link: EmailLink): Promise<string | null> {
    const minter = this.minters.get(link.kind);
    if (!minter) return Promise.reject(new Error(`No link minter is registered for "${link.kind}"`));
    return minter.mint(link.targetId);
  }
}

/** A new link token, 256 random bits, URL-safe, with the SHA-256 hash that is all a minter stores. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export const hashLinkToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** The body as sent: the minted link in place of the placeholder. */
export const withLink = (body: string, link: string): string => body.replaceAll(LINK_PLACEHOLDER, link);

/** Text about a send that is stored or logged (a mail server's refusal may quote the message) never keeps the link. */
export const withoutLink = (text: string, link: string): string => text.replaceAll(link, '[link removed]');
