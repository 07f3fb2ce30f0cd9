/** Whether this browser can sync live at all (WebRTC and WebSocket). Kept apart from the
 * provider so the first screen can ask without loading it. */
export function canSync(): boolean {
  return typeof RTCPeerConnection !== 'undefined' && typeof WebSocket !== 'undefined'
}
