import type { Region, StaffRole } from '@sbo/shared';

/** A staff account as `GET /api/staff` returns it (api/src/staff). */
export interface StaffRecord {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  roles: StaffRole[];
  regions: Region[];
  active: boolean;
  version: number;
  createdAt: string;
}
