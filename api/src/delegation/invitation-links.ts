import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type LinkMinter, LinkMinters, newLinkToken } from '../notifications/email-links';
import { FirmsRepository } from './firms.repository';
import { ACCEPT_INVITATION_PATH } from './invitation-token';

/** The link kind of invitation emails. */
export const INVITATION_LINK = 'firm-invitation';

/**
 * Mints the accept link of an invitation when its email is sent. Each mint replaces the stored hash,
 * so only the newest email's link works. An open invitation only: and never one to create an account
 * for an address that already has one (its email is a notice to the owner, without a link).
 */
@Injectable()
export class InvitationLinks implements LinkMinter, OnModuleInit {
  constructor(
    private readonly repository: FirmsRepository,
    private readonly links: LinkMinters,
  ) {}

  onModuleInit(): void {
    this.links.register(INVITATION_LINK, this);
  }

  async mint(invitationId: string): Promise<string | null> {
    const { token, hash } = newLinkToken();
    const minted = await this.repository.storeInvitationTokenHash(invitationId, hash);
    return minted ? `${ACCEPT_INVITATION_PATH}?token=${token}` : null;
  }
}
