// The error pages Apache writes itself (modules/http/http_protocol.c): an HTML 2.0 document with
// the reason as title and heading and one sentence of explanation, sent as
// `text/html; charset=iso-8859-1`. And its status lines' reason phrases.

export const APACHE_REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  206: 'Partial Content',
  301: 'Moved Permanently',
  304: 'Not Modified',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

function explanation(status: number, detail: { location?: string; method?: string }): string {
  switch (status) {
    case 301:
      return `<p>The document has moved <a href="${detail.location}">here</a>.</p>`;
    case 400:
      return '<p>Your browser sent a request that this server could not understand.<br />\n</p>';
    case 403:
      return "<p>You don't have permission to access this resource.</p>";
    case 404:
      return '<p>The requested URL was not found on this server.</p>';
    case 405:
      return `<p>The requested method ${detail.method} is not allowed for this URL.</p>`;
    default:
      return '<p>The server encountered an internal error or\nmisconfiguration and was unable to complete\nyour request.</p>';
  }
}

export function apachePage(status: number, detail: { location?: string; method?: string } = {}): string {
  const reason = APACHE_REASONS[status] ?? 'Internal Server Error';
  return (
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n' +
    `<title>${status} ${reason}</title>\n</head><body>\n<h1>${reason}</h1>\n${explanation(status, detail)}\n</body></html>\n`
  );
}
