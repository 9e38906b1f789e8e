import { isActiveReviewer, isReviewerRole, reviewsRegion } from './accounts';
import type { Region } from './regions';

describe('isReviewerRole', () => {
  it.each<[string, boolean]>([
    ['rep', true],
    ['lead', true],
    ['ga_support', false],
    ['ebs', false],
    ['admin', false],
    ['broker', false],
    ['ga_admin', false],
    ['ga_delegate', false],
    ['', false],
    ['REP', false],
  ])('%j: %s', (role, expected) => {
    expect(isReviewerRole(role)).toBe(expected);
  });
});

describe('reviewsRegion and isActiveReviewer', () => {
  it.each<[string, Region, { active: boolean; roles: string[]; regions: string[] }, boolean, boolean]>([
    ['an active rep of the region', 'CO', { active: true, roles: ['rep'], regions: ['CO'] }, true, true],
    ['an active lead of the region', 'CA', { active: true, roles: ['lead'], regions: ['CA', 'CO'] }, true, true],
    ['a deactivated rep of the region', 'CO', { active: false, roles: ['rep'], regions: ['CO'] }, true, false],
    ['a rep of other regions', 'CO', { active: true, roles: ['rep'], regions: ['GA', 'MAS'] }, false, false],
    ['a rep with no regions', 'CO', { active: true, roles: ['rep'], regions: [] }, false, false],
    ['staff of the region who do not review', 'CO', { active: true, roles: ['ga_support', 'admin'], regions: ['CO'] }, false, false],
    ['a reviewer among other roles', 'CO', { active: true, roles: ['admin', 'lead'], regions: ['CO'] }, true, true],
    ['a partner with the region', 'CO', { active: true, roles: ['broker'], regions: ['CO'] }, false, false],
    ['no roles at all', 'CO', { active: true, roles: [], regions: ['CO'] }, false, false],
  ])('%s, in %s', (_, region, account, reviews, active) => {
    expect(reviewsRegion(account, region)).toBe(reviews);
    expect(isActiveReviewer(account, region)).toBe(active);
  });
});
