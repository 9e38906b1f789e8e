import type { Region } from './regions';
import type { Role } from './roles';

/** The staff roles that review submissions, each in the regions they work. */
export const REVIEWER_ROLES = ['rep', 'lead'] as const satisfies readonly Role[];

export const isReviewerRole = (role: string): boolean => (REVIEWER_ROLES as readonly string[]).includes(role);

/** A rep or lead who works `region`, whether or not their account is active. */
export const reviewsRegion = (account: { roles: readonly string[]; regions: readonly string[] }, region: Region): boolean =>
  account.roles.some(isReviewerRole) && account.regions.includes(region);

/**
 * An active rep or lead of `region`: who may be assigned a submission of it, and who gets a
 * resubmission back. The API's SQL form of the same rule is `api/src/accounts/active-reviewer.ts`.
 */
export const isActiveReviewer = (
  account: { active: boolean; roles: readonly string[]; regions: readonly string[] },
  region: Region,
): boolean => account.active && reviewsRegion(account, region);
