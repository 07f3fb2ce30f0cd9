/** What each refusal says, in the person's language. */
import type { MessageKey } from '../../i18n/translate'
import type { SaveMediaResult } from '../../session/media'
import type { PhotoError } from './prepare-photo'

type SaveError = Extract<SaveMediaResult, { ok: false }>['error']

export const PHOTO_ERRORS: Record<PhotoError, MessageKey> = {
  empty: 'media.errorEmpty',
  'too-large': 'media.errorTooLarge',
  svg: 'media.errorSvg',
  'not-a-photo': 'media.errorNotPhoto',
  'cannot-read': 'media.errorCannotRead',
  metadata: 'media.errorMetadata',
}

export const SAVE_ERRORS: Record<SaveError, MessageKey> = {
  invalid: 'media.errorInvalid',
  'caption-too-long': 'media.errorCaption',
  'too-large': 'media.errorInvalid',
  unavailable: 'media.errorUnavailable',
  'not-kept': 'media.errorNotKept',
}
