import express, {
  type ErrorRequestHandler,
  type RequestHandler,
} from 'express';
import multer from 'multer';
import { InputError } from '@backstage/errors';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export function payloadTooLarge(message: string): Error {
  return Object.assign(new Error(message), {
    name: 'PayloadTooLargeError',
    statusCode: 413,
  });
}

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10 },
});

/**
 * Body parsing for attachments only: a multipart upload (field `file`, with `kind`) or a JSON
 * body with pasted text. Parser errors become 400/413 answers that name the field.
 */
export function attachmentParsers(): Array<
  RequestHandler | ErrorRequestHandler
> {
  const errors: ErrorRequestHandler = (error, _req, _res, next) => {
    if (error instanceof multer.MulterError) {
      if (error.code === 'LIMIT_FILE_SIZE') {
        next(
          payloadTooLarge(
            `${error.field ?? 'file'}: the file exceeds the 10 MB limit`,
          ),
        );
        return;
      }
      next(
        new InputError(
          `${error.field ?? 'file'}: ${
            error.message
          } (upload one file in the field "file")`,
        ),
      );
      return;
    }
    if (error?.type === 'entity.too.large') {
      next(payloadTooLarge('text: the pasted text exceeds the 10 MB limit'));
      return;
    }
    if (error?.type === 'entity.parse.failed') {
      next(new InputError(`body: not valid JSON: ${error.message}`));
      return;
    }
    next(error);
  };
  return [
    express.json({ limit: MAX_ATTACHMENT_BYTES + 1024 * 1024 }),
    upload.single('file'),
    errors,
  ];
}
