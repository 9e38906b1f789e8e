/**
 * The authorization matrix: for every operation of the OpenAPI document, the exact status each
 * caller gets (test/authorization-matrix.spec.ts sends every request and compares).
 *
 * Callers (demo accounts):
 *   anonymous  no token
 *   rep_ca     rep.ca@example.com        rep of CA (holds the CA fixtures)
 *   rep_co     rep.co@example.com        rep of CO: another region
 *   lead_ca    lead.ca@example.com       lead of CA
 *   ga_support gasupport@example.com
 *   ebs        ebs@example.com
 *   admin      admin@example.com
 *   broker_ca  broker.ca@example.com     partner whose CA firm owns the partner fixtures
 *   broker_co  broker.co@example.com     partner of another firm (CO)
 *   ga_admin   gaadmin.ga@example.com    GA firm administrator (another firm again)
 *
 * Fixtures (see the spec): review routes act on a CA submission held by rep.ca, except
 * `PATCH /api/submissions/{id}` (correction is not allowed in CA, so a CO one held by rep.co);
 * partner routes on a CA submission of broker.ca's firm; firm routes on the CA firm.
 *
 * Reading a row: 401 = not logged in; 403 = the role may never call this route (refused at the
 * door by PoliciesGuard, before any record is read, so it reveals nothing); 404 = the record is of
 * another region or firm (never 403, never a detail). 2xx = allowed: a mutating route gets a fresh
 * fixture for each allowed caller, and the refused callers must leave every table unchanged.
 */
export const CALLERS = [
  'anonymous',
  'rep_ca',
  'rep_co',
  'lead_ca',
  'ga_support',
  'ebs',
  'admin',
  'broker_ca',
  'broker_co',
  'ga_admin',
] as const;
export type Caller = (typeof CALLERS)[number];

export const CALLER_EMAIL: Record<Exclude<Caller, 'anonymous'>, string> = {
  rep_ca: 'rep.ca@example.com',
  rep_co: 'rep.co@example.com',
  lead_ca: 'lead.ca@example.com',
  ga_support: 'gasupport@example.com',
  ebs: 'ebs@example.com',
  admin: 'admin@example.com',
  broker_ca: 'broker.ca@example.com',
  broker_co: 'broker.co@example.com',
  ga_admin: 'gaadmin.ga@example.com',
};

type Row = readonly [number, number, number, number, number, number, number, number, number, number];

export interface MatrixEntry {
  /** Anyone may call it, with or without a token (@Public). */
  public?: true;
  /** One status per caller, in the order of CALLERS. */
  status: Row;
}

const pub = (status: number): MatrixEntry => ({ public: true, status: [status, status, status, status, status, status, status, status, status, status] });
const row = (...status: Row): MatrixEntry => ({ status });

// prettier-ignore
export const AUTHORIZATION_MATRIX: Record<string, MatrixEntry> = {
  //                                                    anon rep_ca rep_co lead_ca ga_sup ebs admin brk_ca brk_co ga_adm
  'POST /api/auth/login':                                pub(200),
  'GET /api/auth/me':                                    row(401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /api/auth/refresh':                              row(401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /api/auth/logout':                               row(401, 204, 204, 204, 204, 204, 204, 204, 204, 204),
  'GET /api/health':                                     pub(200),

  'GET /api/metrics/turnaround':                         row(401, 403, 403, 200, 403, 403, 403, 403, 403, 403),
  'GET /api/notifications':                              row(401, 403, 403, 403, 403, 403, 200, 403, 403, 403),

  'GET /api/contacts':                                   row(401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /api/contacts/{id}':                              row(401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'PATCH /api/contacts/{id}':                            row(401, 403, 403, 403, 403, 403, 200, 403, 403, 403),

  'GET /api/staff':                                      row(401, 403, 403, 403, 403, 403, 200, 403, 403, 403),
  'POST /api/staff':                                     row(401, 403, 403, 403, 403, 403, 201, 403, 403, 403),
  'GET /api/staff/{id}':                                 row(401, 403, 403, 403, 403, 403, 200, 403, 403, 403),
  'PATCH /api/staff/{id}':                               row(401, 403, 403, 403, 403, 403, 200, 403, 403, 403),

  'GET /api/firms':                                      row(401, 403, 403, 403, 200, 200, 403, 200, 200, 200),
  'GET /api/firms/{id}':                                 row(401, 403, 403, 403, 200, 200, 403, 200, 404, 404),
  'POST /api/firms/{id}/admins':                         row(401, 403, 403, 403, 200, 403, 403, 403, 403, 403),
  'POST /api/firms/{id}/admins/{userId}/depart':         row(401, 403, 403, 403, 200, 403, 403, 403, 403, 403),
  'POST /api/firms/{id}/invitations':                    row(401, 403, 403, 403, 201, 403, 403, 403, 403, 404),
  'POST /api/firms/{id}/delegates/{userId}/deactivate':  row(401, 403, 403, 403, 403, 403, 403, 403, 403, 404),
  'POST /api/invitations/accept':                        pub(200),

  'POST /api/registrations':                             pub(201),
  'GET /api/registrations':                              row(401, 403, 403, 403, 403, 200, 403, 403, 403, 403),
  'GET /api/registrations/{id}':                         row(401, 403, 403, 403, 403, 200, 403, 403, 403, 403),
  'POST /api/registrations/{id}/approve':                row(401, 403, 403, 403, 403, 200, 403, 403, 403, 403),
  'POST /api/registrations/{id}/reject':                 row(401, 403, 403, 403, 403, 200, 403, 403, 403, 403),
  'POST /api/registrations/{id}/lock':                   row(401, 403, 403, 403, 403, 200, 403, 403, 403, 403),
  'POST /api/registrations/{id}/unlock':                 row(401, 403, 403, 403, 403, 200, 403, 403, 403, 403),
  'POST /api/registrations/{id}/reinvite':               row(401, 403, 403, 403, 403, 200, 403, 403, 403, 403),
  'POST /api/registrations/{id}/deactivate':             row(401, 403, 403, 403, 403, 200, 403, 403, 403, 403),

  'GET /api/calendar/submission-deadline':               row(401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /api/holidays':                                   row(401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /api/holidays':                                  row(401, 403, 403, 403, 403, 403, 201, 403, 403, 403),
  'DELETE /api/holidays/{id}':                           row(401, 403, 403, 403, 403, 403, 204, 403, 403, 403),

  'GET /api/partner/submissions':                        row(401, 403, 403, 403, 403, 403, 403, 200, 200, 200),
  'POST /api/partner/submissions':                       row(401, 403, 403, 403, 403, 403, 403, 201, 201, 201),
  'GET /api/partner/submissions/{id}':                   row(401, 403, 403, 403, 403, 403, 403, 200, 404, 404),
  'PATCH /api/partner/submissions/{id}':                 row(401, 403, 403, 403, 403, 403, 403, 200, 404, 404),
  'GET /api/partner/submissions/{id}/census':            row(401, 403, 403, 403, 403, 403, 403, 200, 404, 404),
  'POST /api/partner/submissions/{id}/census':           row(401, 403, 403, 403, 403, 403, 403, 201, 404, 404),
  'POST /api/partner/submissions/{id}/documents':        row(401, 403, 403, 403, 403, 403, 403, 201, 404, 404),
  'POST /api/partner/submissions/{id}/submit':           row(401, 403, 403, 403, 403, 403, 403, 200, 404, 404),
  'POST /api/partner/submissions/{id}/cancel':           row(401, 403, 403, 403, 403, 403, 403, 200, 404, 404),
  'GET /api/documents/{id}':                             row(401, 200, 404, 200, 403, 403, 403, 200, 404, 404),

  'GET /api/submissions':                                row(401, 200, 200, 200, 403, 403, 403, 403, 403, 403),
  'POST /api/submissions':                               row(401, 201, 403, 201, 403, 403, 403, 403, 403, 403),
  'GET /api/submissions/{id}':                           row(401, 200, 404, 200, 403, 403, 403, 403, 403, 403),
  'PATCH /api/submissions/{id}':                         row(401, 404, 200, 404, 403, 403, 403, 403, 403, 403),
  'GET /api/submissions/{id}/census':                    row(401, 200, 404, 200, 403, 403, 403, 403, 403, 403),
  'GET /api/submissions/{id}/audit':                     row(401, 200, 404, 200, 403, 403, 403, 403, 403, 403),
  'POST /api/submissions/{id}/claim':                    row(401, 200, 404, 200, 403, 403, 403, 403, 403, 403),
  'POST /api/submissions/{id}/release':                  row(401, 200, 404, 200, 403, 403, 403, 403, 403, 403),
  'POST /api/submissions/{id}/assign':                   row(401, 403, 403, 200, 403, 403, 403, 403, 403, 403),
  'POST /api/submissions/{id}/return':                   row(401, 200, 404, 200, 403, 403, 403, 403, 403, 403),
  'POST /api/submissions/{id}/request-items':            row(401, 200, 404, 200, 403, 403, 403, 403, 403, 403),
  'POST /api/submissions/{id}/approve':                  row(401, 200, 404, 200, 403, 403, 403, 403, 403, 403),
  'POST /api/submissions/{id}/refer-offline':            row(401, 200, 404, 200, 403, 403, 403, 403, 403, 403),
  'POST /api/queue/next':                                row(401, 200, 200, 200, 403, 403, 403, 403, 403, 403),
  'GET /api/reviewers':                                  row(401, 403, 403, 200, 403, 403, 403, 403, 403, 403),

  // Instruction templates: a CA template; reps read their regions', leads manage them.
  'GET /api/instruction-templates':                      row(401, 200, 200, 200, 403, 403, 403, 403, 403, 403),
  'POST /api/instruction-templates':                     row(401, 403, 403, 201, 403, 403, 403, 403, 403, 403),
  'GET /api/instruction-templates/{id}':                 row(401, 200, 404, 200, 403, 403, 403, 403, 403, 403),
  'PATCH /api/instruction-templates/{id}':               row(401, 403, 403, 200, 403, 403, 403, 403, 403, 403),
  'DELETE /api/instruction-templates/{id}':              row(401, 403, 403, 204, 403, 403, 403, 403, 403, 403),

  // Saved filters are each staff member's own: rep.ca's filter is 404 to every other staff member.
  'GET /api/saved-filters':                              row(401, 200, 200, 200, 200, 200, 200, 403, 403, 403),
  'POST /api/saved-filters':                             row(401, 201, 201, 201, 201, 201, 201, 403, 403, 403),
  'DELETE /api/saved-filters/{id}':                      row(401, 204, 404, 404, 404, 404, 404, 403, 403, 403),
};
