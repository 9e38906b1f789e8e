import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changes to partner access:
 *
 * - No link token rests in the database. A queued email names the record its link is for
 *   (`link_kind`, `link_target_id`) and keeps a placeholder; the worker mints the token when it
 *   sends, storing only its hash on the invitation. So an invitation has no hash, and cannot be
 *   accepted, until its email goes out. Tokens already in the outbox are removed: a pending email
 *   gets the placeholder (and a fresh token when sent); a sent one keeps its text without the token.
 * - A firm's invitation to an address no longer collides with another firm's (which it would reveal).
 * - EBS approving a registration into a firm whose tax ID differs records why.
 */
export class PartnerAccessHardening1763900850000 implements MigrationInterface {
  name = 'PartnerAccessHardening1763900850000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN link_kind text,
        ADD COLUMN link_target_id text,
        ADD CONSTRAINT notification_link_named_whole CHECK ((link_kind IS NULL) = (link_target_id IS NULL))`);
    await q.query(`ALTER TABLE firm_invitation ALTER COLUMN token_hash DROP NOT NULL`);
    // One open invitation per email and firm, not per email: a firm inviting an address must not
    // learn that another firm invited it.
    await q.query(`DROP INDEX firm_invitation_one_open_per_email`);
    await q.query(`
      CREATE UNIQUE INDEX firm_invitation_one_open_per_email ON firm_invitation (firm_id, email)
      WHERE accepted_at IS NULL AND revoked_at IS NULL`);
    // '{{link}}' is LINK_PLACEHOLDER and 'firm-invitation' INVITATION_LINK, as of this migration.
    await q.query(`
      UPDATE notification
         SET body = regexp_replace(body, '/#/accept-invitation\\?token=[A-Za-z0-9_-]+', '{{link}}', 'g'),
             link_kind = 'firm-invitation', link_target_id = entity_id
       WHERE status = 'PENDING' AND entity_type = 'FirmInvitation' AND body ~ 'token=[A-Za-z0-9_-]'`);
    await q.query(`
      UPDATE notification SET body = regexp_replace(body, 'token=[A-Za-z0-9_-]+', 'token=[removed]', 'g')
       WHERE entity_type = 'FirmInvitation' AND body ~ 'token=[A-Za-z0-9_-]'`);

    await q.query(`ALTER TABLE registration ADD COLUMN tax_id_override_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registration DROP COLUMN tax_id_override_reason`);
    // Invitations whose email has not gone out have no token to restore: they are withdrawn, and their emails with them.
    await q.query(`
      UPDATE firm_invitation SET token_hash = 'never-sent-' || id, revoked_at = coalesce(revoked_at, now())
       WHERE token_hash IS NULL`);
    await q.query(`
      UPDATE notification SET status = 'FAILED', last_error = 'Withdrawn by a schema downgrade'
       WHERE link_kind IS NOT NULL AND status = 'PENDING'`);
    await q.query(`ALTER TABLE firm_invitation ALTER COLUMN token_hash SET NOT NULL`);
    await q.query(`
      UPDATE firm_invitation i SET revoked_at = now()
       WHERE accepted_at IS NULL AND revoked_at IS NULL AND EXISTS (
         SELECT 1 FROM firm_invitation o
          WHERE o.email = i.email AND o.accepted_at IS NULL AND o.revoked_at IS NULL AND o.created_at > i.created_at)`);
    await q.query(`DROP INDEX firm_invitation_one_open_per_email`);
    await q.query(`
      CREATE UNIQUE INDEX firm_invitation_one_open_per_email ON firm_invitation (email)
      WHERE accepted_at IS NULL AND revoked_at IS NULL`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_link_named_whole, DROP COLUMN link_kind, DROP COLUMN link_target_id`);
  }
}
