/** The storage records features may see, re-exported so features never import storage/. */
export type { DeviceProfile, SaveState, SpaceRecord, SpaceSettings } from '../storage/types'
