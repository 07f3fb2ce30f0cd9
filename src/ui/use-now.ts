/**
 * The time now, refreshed every `everyMs` while the component is shown: for screens whose
 * content changes with the clock (a proposal closing by itself), without reading the clock
 * during render.
 */
import { useEffect, useState } from 'react'

export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
