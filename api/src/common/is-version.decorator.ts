import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';

/** A record's optimistic-lock version as the caller read it: a positive PostgreSQL integer. */
export const IsVersion = () => applyDecorators(IsInt(), Min(1), Max(2_147_483_647));
