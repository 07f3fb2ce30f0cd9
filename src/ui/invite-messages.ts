/** What to tell a person about an invite that cannot be used (shared by paste and link). */
import type { InviteError } from '../domain/invite'
import type { MessageKey } from '../i18n/translate'

export const INVITE_ERROR_MESSAGES: Record<InviteError, MessageKey> = {
  empty: 'join.errorEmpty',
  'not-an-invite': 'join.errorNotInvite',
  'bad-space-id': 'join.errorDamaged',
  'bad-key': 'join.errorDamaged',
}
