import type { Region } from './regions';
import type { Role } from './roles';

/** The logged-in user as the API returns it from login and `GET /api/auth/me`. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  regions: Region[];
  firmId?: string | null;
}
