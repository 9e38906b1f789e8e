export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  // Business rules refused (422)
  'LATE_SUBMISSION',
  'SEP_WINDOW_CLOSED',
  'CA_EFT_REQUIRED',
  'MULTI_MARKET_OFFLINE',
  'INCOMPLETE_SUBMISSION',
  'ADMIN_CAP_REACHED',
  'INVALID_TRANSITION',
  'REGION_POLICY',
  'TAX_ID_MISMATCH',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error body every route answers with (docs/api.md, "Errors"). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: ErrorCode;
  details?: unknown;
  /** Validation only: `{field: message}`, which react-admin shows beside each input. */
  errors?: Record<string, string>;
}
