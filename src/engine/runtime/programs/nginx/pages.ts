// The pages nginx writes itself when it answers with an error or a redirect and no `error_page`
// takes over (src/http/ngx_http_special_response.c): a few lines of HTML with CRLF line ends,
// the status as title and heading, and a footer naming the server — `nginx/1.27.4`, or just
// `nginx` with `server_tokens off`. Browsers that replace short error pages with their own
// "friendly" one (MSIE, Chrome) are sent six comment lines of padding so they show nginx's.

const CRLF = '\r\n';

/** Reason phrases nginx uses (note `405 Not Allowed`, not HTTP's "Method Not Allowed"). */
export const NGINX_REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Moved Temporarily',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  413: 'Request Entity Too Large',
  414: 'Request-URI Too Large',
  416: 'Requested Range Not Satisfiable',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

const PADDING_LINE = '<!-- a padding to disable MSIE and Chrome friendly error page -->';

/** The page nginx sends for `status`, or undefined for statuses that have none (2xx, 304). */
export function specialPage(
  status: number,
  options: { version: string; serverTokens: boolean; userAgent?: string },
): string | undefined {
  const reason = NGINX_REASONS[status];
  if (status < 301 || status === 304 || reason === undefined) return undefined;
  const title = `${status} ${reason}`;
  const footer = options.serverTokens ? `nginx/${options.version}` : 'nginx';
  let page =
    `<html>${CRLF}<head><title>${title}</title></head>${CRLF}<body>${CRLF}` +
    `<center><h1>${title}</h1></center>${CRLF}<hr><center>${footer}</center>${CRLF}</body>${CRLF}</html>${CRLF}`;
  const ua = options.userAgent ?? '';
  const friendlyBrowser = /MSIE [4-9]|Chrome\//.test(ua);
  if (status >= 400 && friendlyBrowser) page += `${PADDING_LINE}${CRLF}`.repeat(6);
  return page;
}
