import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { once } from 'node:events'

/**
 * A server the benchmark started in a child process, pinned to the first core where it can be
 * (the load generator runs on the second).
 */
export interface Child {
  readonly url: string
  readonly pid: number
  /** Peak resident memory so far, in MB (Linux `VmHWM`). */
  peakRssMb: () => number
  /** Resident memory now, in MB (Linux `VmRSS`). */
  rssMb: () => number
  stop: () => Promise<void>
  /** Sends a message over the child's IPC channel and waits for its answer. */
  ask: <T>(message: unknown) => Promise<T>
}

export const CAN_PIN = existsSync('/usr/bin/taskset')

function statusMb (pid: number, field: string): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(match?.[1] ?? 0) / 1024
}

/** Spawns `node script args…` on core 0 and waits for its `listening on URL` line. */
export async function startChild (
  script: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<Child & { startedInMs: number }> {
  const started = performance.now()
  const command = CAN_PIN ? 'taskset' : process.execPath
  const argv = CAN_PIN ? ['-c', '0', process.execPath, script, ...args] : [script, ...args]
  const child: ChildProcess = spawn(command, argv, {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  })
  const url = await new Promise<string>((resolve, reject) => {
    let seen = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(seen)
      if (match?.[1] !== undefined) {
        resolve(match[1])
        seen = ''
      }
      if (seen.length > 1_000_000) seen = ''
    })
    child.once('exit', (code) => { reject(new Error(`${script} exited with ${code}`)) })
  })
  const pid = child.pid ?? 0
  return {
    url,
    pid,
    startedInMs: performance.now() - started,
    peakRssMb: () => statusMb(pid, 'VmHWM'),
    rssMb: () => statusMb(pid, 'VmRSS'),
    ask: async <T>(message: unknown) => {
      const answer = once(child, 'message') as Promise<[T]>
      child.send(message as object)
      return (await answer)[0]
    },
    stop: async () => {
      const exited = once(child, 'exit')
      child.kill('SIGKILL')
      await exited
    },
  }
}
