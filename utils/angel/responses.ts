/**
 * Reading Angel's answers. Angel answers in one of four ways:
 *  - the API shape    {"status": true|false, "message", "errorcode", "data"}
 *  - the gateway shape {"success": false, "message", "errorCode", "data"}
 *  - an HTML "Request Rejected" page from its web firewall
 *  - anything else (malformed JSON, an empty body, an unrelated HTML page)
 */

export type AngelAnswer =
  | { kind: 'ok'; data: unknown; message: string; httpStatus: number }
  | { kind: 'angel-error'; code: string; message: string; httpStatus: number }
  | { kind: 'rejected'; supportId?: string; httpStatus: number }
  | { kind: 'malformed'; reason: 'not-json' | 'bad-json' | 'unknown-shape' | 'empty'; httpStatus: number };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asText(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** The firewall page: "The requested URL was rejected ... Your support ID is: 123...". */
export function parseRejectedPage(text: string): { supportId?: string } | null {
  if (!/request\s+rejected|requested\s+url\s+was\s+rejected/i.test(text)) return null;
  const m = /support\s*id\s*(?:is)?\s*:?\s*(?:<[^>]*>\s*)*([0-9][0-9-]{3,40})/i.exec(text);
  return m?.[1] ? { supportId: m[1] } : {};
}

export function parseAngelAnswer(httpStatus: number, body: string): AngelAnswer {
  const text = body.trim();
  if (text === '') return { kind: 'malformed', reason: 'empty', httpStatus };
  const rejected = parseRejectedPage(text);
  if (rejected && !text.startsWith('{')) return { kind: 'rejected', ...rejected, httpStatus };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const looksJson = text.startsWith('{') || text.startsWith('[');
    return { kind: 'malformed', reason: looksJson ? 'bad-json' : 'not-json', httpStatus };
  }
  if (!isRecord(json)) return { kind: 'malformed', reason: 'unknown-shape', httpStatus };

  const message = asText(json.message);
  const code = asText(json.errorcode) || asText(json.errorCode);
  const flag = 'status' in json ? json.status : 'success' in json ? json.success : undefined;
  if (flag === true || flag === 'true') {
    return { kind: 'ok', data: json.data, message, httpStatus };
  }
  if (flag === false || flag === 'false' || code !== '') {
    return { kind: 'angel-error', code, message, httpStatus };
  }
  return { kind: 'malformed', reason: 'unknown-shape', httpStatus };
}

export interface LoginTokens {
  jwtToken: string;
  refreshToken?: string;
  feedToken: string;
}

/** The tokens inside a successful login answer, or null when they are missing. */
export function loginTokensFrom(data: unknown): LoginTokens | null {
  if (!isRecord(data)) return null;
  const jwtToken = asText(data.jwtToken);
  const feedToken = asText(data.feedToken);
  const refreshToken = asText(data.refreshToken);
  if (!jwtToken) return null;
  return { jwtToken, feedToken, ...(refreshToken ? { refreshToken } : {}) };
}

export interface AngelProfile {
  name: string;
  clientCode: string;
  exchanges: string[];
}

/** getProfile's exchanges come as an array, a JSON-encoded array or a comma list. */
function exchangeList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(asText).filter(Boolean);
  if (typeof v === 'string') {
    const s = v.trim();
    if (s.startsWith('[')) {
      try {
        return exchangeList(JSON.parse(s));
      } catch {
        /* fall through to the comma list */
      }
    }
    return s
      .replace(/[[\]"]/g, '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  }
  return [];
}

export function profileFrom(data: unknown): AngelProfile | null {
  if (!isRecord(data)) return null;
  const name = asText(data.name).trim();
  const clientCode = asText(data.clientcode) || asText(data.clientCode);
  if (!name && !clientCode) return null;
  return { name, clientCode, exchanges: exchangeList(data.exchanges) };
}
