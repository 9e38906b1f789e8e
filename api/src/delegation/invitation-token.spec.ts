import { INVITATION_TTL_DAYS, invitationExpiry, invitationState, type InvitationState } from './invitation-token';

// Their tokens are link tokens: see notifications/email-links.spec.ts.
describe('invitations', () => {
  it(`expire ${INVITATION_TTL_DAYS} days after they are sent`, () => {
    expect(invitationExpiry(new Date('2026-03-01T10:00:00Z')).toISOString()).toBe('2026-03-08T10:00:00.000Z');
  });

  const now = new Date('2026-03-05T12:00:00Z');
  const at = (iso: string) => new Date(iso);
  it.each<[string, { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, InvitationState]>([
    ['unused and in time', { acceptedAt: null, revokedAt: null, expiresAt: at('2026-03-06T00:00:00Z') }, 'OPEN'],
    ['unused, expiring this instant', { acceptedAt: null, revokedAt: null, expiresAt: now }, 'EXPIRED'],
    ['unused and late', { acceptedAt: null, revokedAt: null, expiresAt: at('2026-03-01T00:00:00Z') }, 'EXPIRED'],
    ['used', { acceptedAt: at('2026-03-02T00:00:00Z'), revokedAt: null, expiresAt: at('2026-03-06T00:00:00Z') }, 'ACCEPTED'],
    ['used, since expired', { acceptedAt: at('2026-03-02T00:00:00Z'), revokedAt: null, expiresAt: at('2026-03-03T00:00:00Z') }, 'ACCEPTED'],
    ['replaced', { acceptedAt: null, revokedAt: at('2026-03-02T00:00:00Z'), expiresAt: at('2026-03-06T00:00:00Z') }, 'REVOKED'],
  ])('an invitation %s is %s', (_, invitation, state) => {
    expect(invitationState(invitation, now)).toBe(state);
  });
});
