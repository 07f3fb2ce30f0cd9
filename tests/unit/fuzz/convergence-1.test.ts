// Half of the random schedules (run-fuzz.ts); Vitest runs the two halves on two cores at once.
import { describeFuzz } from './run-fuzz'

describeFuzz(1, 2)
