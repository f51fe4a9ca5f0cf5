import { describe, expect, test } from 'vitest';
import { utf8 } from '../../bytes';
import type { WireResponse } from '../../wire/message';
import {
  errorFromResponse,
  firstRegistryError,
  RegistryApiError,
  RequestError,
  UnexpectedHttpResponseError,
  UnexpectedHttpStatusError,
} from './registry-errors';

function answer(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): [WireResponse, Uint8Array<ArrayBuffer>] {
  return [{ status, headers }, utf8(body)];
}

const unauthorizedBody = '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}';

describe('errorFromResponse (HandleErrorResponse)', () => {
  test.each([
    {
      name: 'a registry error body',
      response: answer(
        404,
        '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"nope"}}]}',
      ),
      message: 'manifest unknown: manifest unknown',
      first: 'MANIFEST_UNKNOWN',
    },
    {
      name: 'insufficient scope comes first, as denied',
      response: answer(401, unauthorizedBody, {
        'WWW-Authenticate': 'Bearer realm="r",service="s",scope="repository:a:push",error="insufficient_scope"',
      }),
      message: 'errors:\ndenied: requested access to the resource is denied\nunauthorized: authentication required\n',
      first: 'DENIED',
    },
    {
      name: 'an invalid token is unauthorized',
      response: answer(401, unauthorizedBody, { 'Www-Authenticate': 'Bearer realm="r",error="invalid_token"' }),
      message: 'errors:\nunauthorized: authentication required\nunauthorized: authentication required\n',
      first: 'UNAUTHORIZED',
    },
    {
      name: "a token server's details",
      response: answer(401, '{"details":"incorrect username or password"}'),
      message: 'unauthorized: incorrect username or password',
      first: 'UNAUTHORIZED',
    },
    {
      name: 'a 401 without a registry body',
      response: answer(401, 'no'),
      message: 'unauthorized: authentication required',
      first: 'UNAUTHORIZED',
    },
    {
      name: 'a plain-text 404',
      response: answer(404, '404 page not found\n'),
      message: `error parsing HTTP 404 response body: invalid character 'p' after top-level value: "404 page not found\\n"`,
      first: undefined,
    },
    {
      name: 'a body with no errors',
      response: answer(400, '{"errors":[]}'),
      message:
        'error parsing HTTP 400 response body: no error details found in HTTP response body: "{\\"errors\\":[]}"',
      first: undefined,
    },
    {
      name: 'a server error',
      response: answer(500, 'boom'),
      message: 'received unexpected HTTP status: 500 Internal Server Error',
      first: undefined,
    },
  ])('$name', ({ response: [res, body], message, first }) => {
    const err = errorFromResponse(res, body);
    expect(err.message).toBe(message);
    expect(firstRegistryError(err)?.code).toBe(first);
  });

  test('kinds', () => {
    expect(errorFromResponse(...answer(503, ''))).toBeInstanceOf(UnexpectedHttpStatusError);
    expect(errorFromResponse(...answer(404, 'x'))).toBeInstanceOf(UnexpectedHttpResponseError);
  });
});

test('a request error prints as Go url.Error and keeps its cause', () => {
  const cause = new RegistryApiError('UNAUTHORIZED', 'incorrect username or password');
  const err = new RequestError('Head', 'https://registry-1.docker.io/v2/library/alpine/manifests/latest', cause);
  expect(err.message).toBe(
    'Head "https://registry-1.docker.io/v2/library/alpine/manifests/latest": unauthorized: incorrect username or password',
  );
  expect(firstRegistryError(err)).toBe(cause);
});
