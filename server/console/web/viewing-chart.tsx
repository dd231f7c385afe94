import type { EventStats, ViewingBucket } from '../../control/event-stats.js'
import { counted, shownTime } from './api.js'

const KINDS = [
  { key: 'live', label: 'live', color: '#1f5fa8' },
  { key: 'simlive', label: 'sim-live', color: '#b35900' },
  { key: 'od', label: 'on demand', color: '#2e7d32' },
] as const satisfies ReadonlyArray<{ key: keyof Omit<ViewingBucket, 'start'>, label: string, color: string }>

const WIDTH = 720
const HEIGHT = 200
const AXIS = 24

const total = (bucket: ViewingBucket): number => bucket.live + bucket.simlive + bucket.od

/** Viewing sessions begun over time, stacked by kind, as an inline SVG with a text summary for screen readers. */
export function ViewingChart ({ stats }: { stats: EventStats }) {
  const { viewing, bucketMs } = stats
  if (viewing.length === 0) return <p class="empty">No viewing session has begun by {shownTime(stats.asOf)}.</p>
  const highest = Math.max(1, ...viewing.map(total))
  const barWidth = WIDTH / viewing.length
  const hours = bucketMs / 3_600_000
  const sessions = viewing.reduce((sum, bucket) => sum + total(bucket), 0)
  const label = `${counted(sessions)} viewing sessions begun from ${shownTime(viewing[0]?.start ?? null)} ` +
    `to ${shownTime(viewing.at(-1)?.start ?? null)}, at most ${counted(highest)} in one bar of ${hours} hours`
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-label={label}>
        {viewing.map((bucket, index) => {
          let top = HEIGHT
          return (
            <g key={bucket.start}>
              <title>{`${shownTime(bucket.start)}: ${KINDS.map((k) => `${bucket[k.key]} ${k.label}`).join(', ')}`}
              </title>
              {KINDS.map((kind) => {
                const height = (bucket[kind.key] / highest) * (HEIGHT - 8)
                top -= height
                return <rect key={kind.key} x={index * barWidth + 1} y={top} width={Math.max(1, barWidth - 2)}
                  height={height} fill={kind.color} />
              })}
            </g>
          )
        })}
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="#444" />
        <text x="2" y={HEIGHT + 16} class="axis">{shownTime(viewing[0]?.start ?? null)}</text>
        <text x={WIDTH - 2} y={HEIGHT + 16} text-anchor="end" class="axis">
          {shownTime(viewing.at(-1)?.start ?? null)}
        </text>
        <text x={WIDTH - 2} y="12" text-anchor="end" class="axis">at most {counted(highest)} in a bar</text>
      </svg>
      <figcaption>
        Viewing sessions begun per {hours === 1 ? 'hour' : `${hours} hours`}, as of {shownTime(stats.asOf)}:{' '}
        {KINDS.map((kind) => (
          <span key={kind.key} class="legend">
            <span class="swatch" style={{ background: kind.color }} />{kind.label}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
