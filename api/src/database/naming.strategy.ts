import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

/** Tables and columns are snake_case in PostgreSQL, camelCase in TypeScript. */
export const namingStrategy = new SnakeNamingStrategy();
