import { useCallback, useEffect, useState } from 'preact/hooks'

/** What a page has of something it loads: the value, or why it could not, and a way to load it again. */
export interface Loaded<T> {
  readonly value: T | undefined
  readonly error: string | undefined
  readonly loading: boolean
  readonly reload: () => void
}

/** Loads a value when the component mounts and whenever `keys` change; a later load wins over an earlier one. */
export function useLoad<T> (load: () => Promise<T>, keys: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ value?: T, error?: string, loading: boolean }>({ loading: true })
  const [round, setRound] = useState(0)
  const reload = useCallback(() => { setRound((n) => n + 1) }, [])
  useEffect(() => {
    let current = true
    setState((previous) => ({ ...previous, loading: true }))
    load().then(
      (value) => { if (current) setState({ value, loading: false }) },
      (error: unknown) => { if (current) setState({ error: (error as Error).message, loading: false }) },
    )
    return () => { current = false }
  }, [...keys, round])
  return { value: state.value, error: state.error, loading: state.loading, reload }
}
