import type { CliIo } from '../../server/cli/run-cli.js'

/** The command line's input and output as a test holds them. */
export interface CapturedIo extends CliIo {
  out: () => string
  err: () => string
  /** Sends the stop signal the command waits for. */
  stop: (signal?: string) => void
  /** Resolves with the first match of a pattern in what was written to stdout, once it is there. */
  seen: (pattern: RegExp) => Promise<RegExpExecArray>
}

/** Output captured, a stop signal the test can send, and a wait for a line of output. */
export function capturedIo (workingFolder = process.cwd()): CapturedIo {
  let out = ''
  let err = ''
  let stopHandler: ((signal: string) => void) | undefined
  const waiters: Array<() => void> = []
  return {
    stdout: { write: (text: string) => { out += text; for (const wake of waiters.splice(0)) wake() } },
    stderr: { write: (text: string) => { err += text } },
    workingFolder,
    onStopSignal: (handler) => { stopHandler = handler },
    out: () => out,
    err: () => err,
    stop: (signal = 'SIGTERM') => stopHandler?.(signal),
    seen: async (pattern) => {
      for (;;) {
        const match = pattern.exec(out)
        if (match !== null) return match
        await new Promise<void>((resolve) => waiters.push(resolve))
      }
    },
  }
}
