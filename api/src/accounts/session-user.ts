import type { SessionUser } from '@sbo/shared';
import type { User } from './user.entity';

export const toSessionUser = (user: User): SessionUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  roles: user.roles,
  regions: user.regions,
  firmId: user.firmId,
});
