import { Foundation1763900000000 } from './1763900000000-foundation';

/** Every migration, in order. Add new ones at the end. */
export const migrations = [Foundation1763900000000];
