import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import { CAN_PIN } from './children.js'

const run = promisify(execFile)

/** What one load run measured. */
export interface LoadResult {
  readonly requestsPerSecond: number
  readonly p50Ms: number
  readonly p99Ms: number
  /** Socket errors and answers other than 2xx or 3xx: any is a failed run. */
  readonly errors: number
}

const CONNECTIONS = 16

/** Where `wrk` is, or undefined: the benchmark needs it (`apt-get install wrk`, `brew install wrk`). */
export const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk', '/opt/homebrew/bin/wrk'].find((path) => existsSync(path))

function milliseconds (text: string | undefined): number {
  const match = /([\d.]+)(us|ms|s)/.exec(text ?? '')
  if (match === null) return Number.NaN
  const value = Number(match[1])
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value
}

/** Reads the figures out of `wrk --latency`'s report. */
export function readWrkReport (text: string): LoadResult {
  const count = (pattern: RegExp): number =>
    [...text.matchAll(pattern)].reduce((sum, match) => sum + Number(match[1] ?? 0), 0)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text)
  return {
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? Number.NaN),
    p50Ms: milliseconds(/^\s+50%\s+(\S+)/m.exec(text)?.[1]),
    p99Ms: milliseconds(/^\s+99%\s+(\S+)/m.exec(text)?.[1]),
    errors: count(/Non-2xx or 3xx responses: (\d+)/g) +
      (socket === null ? 0 : socket.slice(1).reduce((sum, n) => sum + Number(n), 0)),
  }
}

/**
 * Loads one URL for `seconds` with `wrk` (one thread, 16 connections, each asking again as soon as
 * its answer is in), on the second core when `taskset` is there: the servers run on the first.
 *
 * @example
 * const { requestsPerSecond } = await load('http://127.0.0.1:3000/api/login/json?…', 2)
 */
export async function load (url: string, seconds: number): Promise<LoadResult> {
  if (WRK === undefined) throw new Error('wrk is not installed')
  const args = ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', url]
  const { stdout } = CAN_PIN ? await run('taskset', ['-c', '1', WRK, ...args]) : await run(WRK, args)
  return readWrkReport(stdout)
}
