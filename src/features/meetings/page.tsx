/** The frame of every meetings screen: a way back, and the screen's one heading. */
import type { ReactNode } from 'react'
import { useT } from '../../i18n/i18n-context'
import { Link } from '../../ui/router'
import { Icon } from '../../ui/icons'

export function Page({
  title,
  back,
  children,
}: {
  title: string
  back?: string
  children: ReactNode
}) {
  const t = useT()
  return (
    <section aria-labelledby="main-heading" className="stack">
      {back && (
        <p className="back-link">
          <Link to={back}>
            <Icon name="back" size={20} />
            {t('groups.back')}
          </Link>
        </p>
      )}
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  )
}
