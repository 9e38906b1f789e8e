export * from './error-codes';
export * from './firms';
export * from './permissions';
export * from './regions';
export * from './registrations';
export * from './roles';
export * from './submissions';
export * from './user';
