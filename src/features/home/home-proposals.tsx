/**
 * Open proposals on a space's home, closing soonest first, each saying whether this phone's
 * person has answered: Loomio's "you have not voted yet", one tap from the proposal.
 */
import { personKey } from '../../domain/meeting'
import { isOpen, tally, type Proposal } from '../../domain/proposal'
import { useT } from '../../i18n/i18n-context'
import { Link } from '../../ui/router'
import { whenText } from './home-format'
import { Row, Section } from './home-sections'

const SHOWN = 3

export function ProposalsSection(props: {
  proposals: readonly Proposal[]
  me: string
  now: number
  base: string
}) {
  const t = useT()
  const open = props.proposals.filter((p) => isOpen(p, props.now))
  if (open.length === 0) return null
  const answered = (p: Proposal) =>
    props.me !== '' &&
    tally(p).counted.some((position) => personKey(position.person) === personKey(props.me))
  return (
    <Section title={t('home.proposalsTitle')}>
      <ul className="home-rows">
        {open.slice(0, SHOWN).map((p) => (
          <Row
            key={p.id}
            to={`${props.base}/meetings/${p.meetingId || 'proposals'}`}
            title={p.title}
            meta={[
              t('home.proposalCloses', { when: whenText(p.closesAt, t.locale) }),
              answered(p) ? t('home.proposalAnswered') : t('home.proposalNotAnswered'),
            ].join(' · ')}
          />
        ))}
      </ul>
      <Link to={`${props.base}/meetings/proposals`} className="button">
        {t('home.allProposals', { count: props.proposals.length })}
      </Link>
    </Section>
  )
}
