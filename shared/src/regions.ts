export const REGIONS = ['CA', 'CO', 'GA', 'MAS'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_NAMES: Record<Region, string> = {
  CA: 'California',
  CO: 'Colorado',
  GA: 'Georgia',
  MAS: 'Mid-Atlantic States',
};

/** In CA a representative returns a submission for corrections; elsewhere they correct it in place. */
export const RETURN_REGIONS: readonly Region[] = ['CA'];
export const CORRECT_REGIONS: readonly Region[] = REGIONS.filter((r) => !RETURN_REGIONS.includes(r));

/** US state codes a group address may carry. */
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC',
  'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
] as const;
export type UsState = (typeof US_STATES)[number];
