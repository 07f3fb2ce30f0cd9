/** What each way pairing can go wrong says to a person, and whether scanning goes on. */
import type { MessageKey } from '../../i18n/translate'
import type { PairingProblem } from '../../session/session-sync'
import type { ScanProblem } from '../../ui/qr-scan-camera'

/** 'unavailable': this browser has no WebRTC (or the space has no live sync). */
export type RoomProblem = PairingProblem | ScanProblem | 'unavailable'

export const PROBLEM_MESSAGES: Record<RoomProblem, MessageKey> = {
  'not-a-room-code': 'room.errorNotRoomCode',
  'wrong-kind': 'room.errorNotRoomCode',
  'newer-version': 'room.errorNewerVersion',
  damaged: 'room.errorDamaged',
  'other-space': 'room.errorOtherSpace',
  expired: 'room.errorExpired',
  'already-used': 'room.errorAlreadyUsed',
  'not-for-this-offer': 'room.errorNotForThisOffer',
  'no-network': 'room.errorNoNetwork',
  unreachable: 'room.errorUnreachable',
  unavailable: 'room.errorUnavailable',
  denied: 'room.errorDenied',
  'no-camera': 'room.errorNoCamera',
  'camera-failed': 'room.errorCameraFailed',
  'reader-failed': 'room.errorReaderFailed',
}
