/** Where the console keeps a control token, for a mock started with `--control-token`: this tab only. */
const TOKEN_KEY = 'webcast-mock-control-token'

/** A request of the console that did not get what it asked for, with the mock's own sentence. */
class RequestFailed extends Error {
  constructor (readonly status: number, message: string) {
    super(message)
  }
}

/** Remembers the control token for this tab, or forgets it when empty. */
export function setControlToken (token: string): void {
  if (token === '') sessionStorage.removeItem(TOKEN_KEY)
  else sessionStorage.setItem(TOKEN_KEY, token)
}

/** Calls the control plane (`/_mock/…`) in JSON and returns its answer, or throws its error's message. */
export async function control<T> (path: string, init: { method?: string, body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {}
  const token = sessionStorage.getItem(TOKEN_KEY)
  if (token !== null) headers.authorization = `Bearer ${token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
  } catch {
    throw new RequestFailed(0, `the mock did not answer ${path}: is it still running?`)
  }
  const text = await response.text()
  let json: unknown
  try {
    json = text === '' ? {} : JSON.parse(text)
  } catch {
    throw new RequestFailed(response.status, `${path} answered ${response.status} with a body that is not JSON`)
  }
  if (!response.ok) {
    const message = (json as { error?: { message?: string } }).error?.message ?? `${path} answered ${response.status}`
    throw new RequestFailed(response.status, message)
  }
  return json as T
}

/** A count as people read it: 1,000,000. */
export const counted = (n: number): string => n.toLocaleString('en-US')

/** A moment as the console shows it: ISO 8601 in UTC, to the minute. */
export const shownTime = (iso: string | null): string =>
  (iso === null ? '—' : `${iso.slice(0, 16).replace('T', ' ')} UTC`)
