/**
 * fetch against Angel's REST API with a time limit and the host fallback rule: the older
 * host (apiconnect.angelbroking.com) is tried only when the current one could not be reached
 * at all. After any HTTP answer, or a timeout (the request may have arrived), it is not.
 */
import { API_HOSTS } from '@/utils/angelHosts';
import type { RestRequest } from '@/utils/angel/rest';

export interface HttpAnswer {
  host: string;
  status: number;
  body: string;
  dateHeader: string | null;
  startedAt: number;
  endedAt: number;
}

export type CallFailure =
  { kind: 'network'; hosts: string[] } | { kind: 'timeout'; timeoutMs: number; host: string };

export type CallOutcome = { ok: true; answer: HttpAnswer } | { ok: false; failure: CallFailure };

export interface CallOptions {
  timeoutMs: number;
  /** Hosts in the order to try; default: current generation first. */
  hosts?: readonly string[];
  fetchFn?: typeof fetch;
}

type Attempt = { kind: 'answer'; answer: HttpAnswer } | { kind: 'timeout' } | { kind: 'network' };

async function attempt(
  host: string,
  req: RestRequest,
  timeoutMs: number,
  fetchFn: typeof fetch,
): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const startedAt = Date.now();
  try {
    const res = await fetchFn(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
    });
    // The time limit covers reading the body too (a slow answer can stall mid-body).
    const body = await res.text();
    return {
      kind: 'answer',
      answer: {
        host,
        status: res.status,
        body,
        dateHeader: res.headers.get('date'),
        startedAt,
        endedAt: Date.now(),
      },
    };
  } catch {
    return timedOut ? { kind: 'timeout' } : { kind: 'network' };
  } finally {
    clearTimeout(timer);
  }
}

export async function callAngel(
  build: (host: string) => RestRequest,
  opts: CallOptions,
): Promise<CallOutcome> {
  const hosts = opts.hosts ?? API_HOSTS;
  const fetchFn = opts.fetchFn ?? ((input, init) => fetch(input, init));
  const tried: string[] = [];
  for (const host of hosts) {
    tried.push(host);
    const r = await attempt(host, build(host), opts.timeoutMs, fetchFn);
    if (r.kind === 'answer') return { ok: true, answer: r.answer };
    if (r.kind === 'timeout')
      return { ok: false, failure: { kind: 'timeout', timeoutMs: opts.timeoutMs, host } };
  }
  return { ok: false, failure: { kind: 'network', hosts: tried } };
}

/** The other hosts after `first`, for calls that should stay on the host that answered. */
export function hostsStartingWith(first: string): string[] {
  return [first, ...API_HOSTS.filter((h) => h !== first)];
}
