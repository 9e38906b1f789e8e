/** How long an invitation to set a password stays valid. */
export const INVITATION_TTL_DAYS = 7;

/** Where the console lets an invited person set their password (the token follows as `?token=`). */
export const ACCEPT_INVITATION_PATH = '/#/accept-invitation';

export const invitationExpiry = (now: Date): Date => new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);

export type InvitationState = 'OPEN' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';

/** An invitation works once, until it expires, unless a newer one replaced it. */
export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return 'ACCEPTED';
  if (invitation.revokedAt) return 'REVOKED';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'OPEN';
}

export const INVITATION_REFUSALS: Record<Exclude<InvitationState, 'OPEN'>, string> = {
  ACCEPTED: 'This invitation has already been used. Log in with the password you set, or ask for a new invitation.',
  REVOKED: 'This invitation was replaced by a newer one or withdrawn. Use the most recent invitation email.',
  EXPIRED: 'This invitation has expired. Ask GA support or EBS to send you a new one.',
};
