/** The frame of a screen inside a space: a way back where there is one, and its one heading. */
import type { ReactNode } from 'react'
import { useT } from '../i18n/i18n-context'
import { Icon } from './icons'
import { Link } from './router'

export function Page({
  title,
  back,
  className,
  children,
}: {
  title: string
  back?: string
  className?: string
  children: ReactNode
}) {
  const t = useT()
  return (
    <section aria-labelledby="main-heading" className={className ? `stack ${className}` : 'stack'}>
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
