import { useId, useState, type SyntheticEvent } from 'react'
import { parseInvite, type InviteError } from '../../domain/invite'
import { useT } from '../../i18n/i18n-context'
import { INVITE_ERROR_MESSAGES } from '../../ui/invite-messages'
import { navigate } from '../../ui/router'

/** Pasting an invite link: the way in on iPhone, where links open Safari, not the app. */
export function JoinForm() {
  const t = useT()
  const [text, setText] = useState('')
  const [error, setError] = useState<InviteError | undefined>()
  const id = useId()

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const parsed = parseInvite(text)
    if (!parsed.ok) {
      setError(parsed.error)
      document.getElementById(id)?.focus()
      return
    }
    const { spaceId, key, name } = parsed.invite
    const fragment = new URLSearchParams({ space: spaceId, key, name }).toString()
    navigate(`/join#${fragment}`) // the join screen reads the fragment, then drops it
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('join.pasteTitle')}</h2>
      <p className="hint" id={`${id}-hint`}>
        {t('join.pasteHint')}
      </p>
      <div className="field">
        <label htmlFor={id}>{t('join.pasteLabel')}</label>
        <input
          id={id}
          value={text}
          inputMode="url"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(event) => {
            setText(event.target.value)
            setError(undefined)
          }}
        />
        {error && (
          <p className="error" id={`${id}-error`} role="alert">
            {t(INVITE_ERROR_MESSAGES[error])}
          </p>
        )}
      </div>
      <button type="submit">{t('join.pasteSubmit')}</button>
    </form>
  )
}
