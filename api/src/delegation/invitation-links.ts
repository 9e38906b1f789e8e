import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { emailHasAccountSql } from '../accounts/accounts.service';
import { type LinkMinter, LinkMinters, newLinkToken } from '../notifications/email-links';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: LinkMinters,
  ) {}

  onModuleInit(): void {
    this.links.register(INVITATION_LINK, this);
  }

  async mint(invitationId: string): Promise<string | null> {
    const { token, hash } = newLinkToken();
    const [minted]: [unknown[], number] = await this.dataSource.query(
      `UPDATE firm_invitation i SET token_hash = $2
        WHERE i.id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
          AND (i.user_id IS NOT NULL OR NOT ${emailHasAccountSql('i.email')})
        RETURNING i.id`,
      [invitationId, hash],
    );
    return minted.length ? `${ACCEPT_INVITATION_PATH}?token=${token}` : null;
  }
}
