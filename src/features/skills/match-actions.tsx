/**
 * What a match leads to: the group's profile, ways to reach whoever to ask (call, text, email,
 * WhatsApp, Signal, from the entry's "who to ask" or the group's contact fields) and "log time
 * given" with the exchange form already filled in.
 */
import { matchContact, type ContactKind } from '../../domain/contact-links'
import type { GroupId } from '../../domain/ids'
import type { SkillId } from '../../domain/skills'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { Icon, type IconName } from '../../ui/icons'
import { Link } from '../../ui/router'

const LABELS: Record<ContactKind, MessageKey> = {
  call: 'skills.contact.call',
  sms: 'skills.contact.sms',
  mail: 'skills.contact.mail',
  whatsapp: 'skills.contact.whatsapp',
  signal: 'skills.contact.signal',
}
/** Each way to reach someone looks like itself: a text, WhatsApp's and Signal's bubbles. */
const ICONS: Record<ContactKind, IconName> = {
  call: 'call',
  sms: 'sms',
  mail: 'mail',
  whatsapp: 'whatsapp',
  signal: 'signal',
}

/** The exchange form's address, filled in from a match: who gave, who received, which skill. */
export const logTimePath = (base: string, from: GroupId, to: GroupId, skill: SkillId) =>
  `${base}/time?${new URLSearchParams({ from, to, skill }).toString()}`

export function MatchActions({
  session,
  groupId,
  groupName,
  contact,
  logTime,
}: {
  session: Session
  groupId: GroupId
  groupName: string
  contact: string
  /** The filled-in exchange form and the skill's name, when the match is for a need. */
  logTime?: { readonly to: string; readonly skillName: string }
}) {
  const t = useT()
  const stored = session.stores.groups.getSnapshot().byId.get(groupId)
  const { name, links } = matchContact(contact, stored?.contacts)
  const who = name ? t('skills.contact.whoAt', { name, group: groupName }) : groupName
  return (
    <div className="match-actions">
      <Link
        to={`/spaces/${session.spaceId}/groups/${groupId}`}
        aria-label={t('skills.contact.open', { group: groupName })}
        className="match-group"
      >
        {groupName}
      </Link>
      <span className="match-ways">
        {links.map((link) => {
          const label = t(LABELS[link.kind], { who })
          return (
            <a
              key={link.kind}
              href={link.href}
              className="icon-button"
              aria-label={label}
              title={`${label}: ${link.shown}`}
              {...(link.href.startsWith('https:') ? { target: '_blank', rel: 'noopener' } : {})}
            >
              <Icon name={ICONS[link.kind]} size={22} />
            </a>
          )
        })}
        {logTime && (
          <Link
            to={logTime.to}
            className="icon-button"
            aria-label={t('skills.contact.logTime', { group: groupName, skill: logTime.skillName })}
            title={t('skills.contact.logTime', { group: groupName, skill: logTime.skillName })}
          >
            <Icon name="time" size={22} />
          </Link>
        )}
      </span>
    </div>
  )
}
