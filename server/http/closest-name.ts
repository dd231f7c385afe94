/**
 * The known name closest to a mistyped one, when it is close enough to be a typo: at most two
 * edits away (and fewer than half its length), or the same but for a plural `s` or case.
 *
 * @example
 * closestName('no_show', ['no_shows', 'users_qa']) // 'no_shows'
 * closestName('banana', ['no_shows']) // undefined
 */
export function closestName (name: string, known: Iterable<string>): string | undefined {
  let best: { name: string, distance: number } | undefined
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (best === undefined || distance < best.distance) best = { name: candidate, distance }
  }
  if (best === undefined) return undefined
  return best.distance <= Math.min(2, Math.floor(name.length / 2)) ? best.name : undefined
}

/** How many single-character insertions, deletions or substitutions turn one text into the other. */
function editDistance (a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
