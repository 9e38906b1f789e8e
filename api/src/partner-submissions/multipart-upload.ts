import { HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { validationError } from '../common/validation';

export interface UploadedFile {
  content: Buffer;
  /** The client's file name, reduced to its last path segment. */
  fileName: string;
  /** As the client labelled it: a hint only, never trusted for what the file is. */
  mimeType: string;
}

export interface Upload {
  file: UploadedFile;
  fields: Record<string, string>;
}

const MAX_FILE_NAME_LENGTH = 255;

/** How browsers escape a file name in a multipart header (WHATWG's multipart/form-data encoding). */
const ESCAPED_IN_FILE_NAME: Record<string, string> = { '%22': '"', '%0d': '\r', '%0a': '\n' };

/**
 * Browsers send a bare name, but other clients may send a path: keep the name, undo the browsers'
 * escapes (`"` arrives as %22), drop control characters.
 */
function cleanFileName(raw: string | undefined): string {
  const name = (raw ?? '')
    .replace(/%22|%0d|%0a/gi, (escape) => ESCAPED_IN_FILE_NAME[escape.toLowerCase()])
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return name.slice(-MAX_FILE_NAME_LENGTH) || 'upload';
}

/** The API error for a multipart failure; anything else is returned as it is. */
function toUploadError(error: unknown): unknown {
  const { code, statusCode } = (error ?? {}) as { code?: string; statusCode?: number };
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', 'The file is larger than 10 MB. Upload a smaller file.');
  }
  if (code === 'FST_FILES_LIMIT') {
    return validationError([{ field: 'file', messages: ['Send exactly one file per upload.'] }]);
  }
  if (typeof code === 'string' && code.startsWith('FST_') && statusCode && statusCode < 500) {
    return new AppError(
      statusCode === 413 ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
      statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED',
      'The upload could not be read. Send it as multipart/form-data with the file in the field "file".',
    );
  }
  // The client went away or sent a broken stream; a body cut inside the file ends its stream early.
  if (
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    (error instanceof Error && /Unexpected end of form|Malformed part header|Part terminated early/i.test(error.message))
  ) {
    return validationError([{ field: 'file', messages: ['The upload was cut short or malformed; send it again.'] }]);
  }
  return error;
}

/**
 * Reads a multipart upload: exactly one file in the field `file`, plus the named text fields.
 * Every problem is a 400/413/415 in the API's error shape, never a 500.
 */
export async function readUpload(request: FastifyRequest, allowedFields: readonly string[]): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the upload as multipart/form-data with the file in the field "file".',
    );
  }
  let file: UploadedFile | undefined;
  const fields: Record<string, string> = {};
  const problems: { field: string; messages: string[] }[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Always drain the stream, or the request never completes.
        const content = await part.toBuffer();
        if (part.fieldname !== 'file') {
          problems.push({ field: part.fieldname, messages: ['Send the file in the field "file".'] });
        } else {
          file = { content, fileName: cleanFileName(part.filename), mimeType: part.mimetype };
        }
      } else if (allowedFields.includes(part.fieldname)) {
        fields[part.fieldname] = String(part.value ?? '');
      } else {
        problems.push({ field: part.fieldname, messages: [`property ${part.fieldname} should not exist`] });
      }
    }
  } catch (error) {
    throw toUploadError(error);
  }
  if (!file) problems.push({ field: 'file', messages: ['Attach the file in the field "file".'] });
  else if (file.content.length === 0) problems.push({ field: 'file', messages: ['The file is empty.'] });
  if (problems.length) throw validationError(problems);
  return { file: file!, fields };
}
