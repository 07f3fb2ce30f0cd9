/**
 * Invites: a link that carries a space's id, secret key and name in the URL fragment.
 *
 * The fragment (after #) never reaches a server, so the key is seen only by the devices that
 * open the link. Anyone with the link can read and edit the space: the UI says so plainly.
 * Parsing accepts a whole link, pasted text around it, or the fragment alone, because people
 * paste what their messaging app gives them.
 */
import { isId, isSpaceKey, type SpaceId, type SpaceKey } from './ids'
import { fail, ok, type Result } from './result'

export interface Invite {
  readonly spaceId: SpaceId
  readonly key: SpaceKey
  /** The space's name when the invite was made (the joiner may rename it). */
  readonly name: string
}

export const INVITE_PATH = '/join'
export const INVITE_NAME_MAX = 80

export type InviteError = 'empty' | 'not-an-invite' | 'bad-space-id' | 'bad-key'

export function formatInvite(origin: string, invite: Invite): string {
  const params = new URLSearchParams({
    space: invite.spaceId,
    key: invite.key,
    name: invite.name.slice(0, INVITE_NAME_MAX),
  })
  return `${origin}${INVITE_PATH}#${params.toString()}`
}

/** Finds an invite in what a person pasted or in a location's hash. */
export function parseInvite(text: string): Result<Invite, InviteError> {
  const trimmed = text.trim()
  if (trimmed === '') return fail('empty')
  // the fragment is whatever follows the first '#'; pasted text may hold a whole message
  const hashAt = trimmed.indexOf('#')
  const fragment = (hashAt >= 0 ? trimmed.slice(hashAt + 1) : trimmed).split(/\s/)[0] ?? ''
  const params = new URLSearchParams(fragment)
  const spaceId = params.get('space')
  const key = params.get('key')
  if (spaceId === null || key === null) return fail('not-an-invite')
  if (!isId(spaceId)) return fail('bad-space-id')
  if (!isSpaceKey(key)) return fail('bad-key')
  const name = cleanName(params.get('name') ?? '')
  return ok({ spaceId: spaceId as SpaceId, key, name })
}

function cleanName(raw: string): string {
  return (
    raw
      // control characters and bidi overrides would let a name disguise itself
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
      .trim()
      .slice(0, INVITE_NAME_MAX)
  )
}
