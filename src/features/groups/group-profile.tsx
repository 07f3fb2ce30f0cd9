/**
 * One group's profile as the network reads it: every field that is filled, each marked public
 * or network-only, who changed it last, "Add more details" for the sections still empty, its
 * offers and needs, its people, its answers to the criteria, its Murmurations export and import,
 * and, out of the way at the end, Delete (which offers Undo).
 */
import type { ReactNode } from 'react'
import {
  groupFieldsOf,
  visibilityOf,
  type Group,
  type GroupFields,
  type VisibilityField,
} from '../../domain/group'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { formatList, formatNumber, formatTime } from '../../ui/format'
import { Link } from '../../ui/router'
import { criterionText } from './criteria-editor'
import { draftKey, saveDraft } from './form-draft'
import { formStateOf } from './form-state'
import { FORM_SECTIONS, SECTION_TITLE, type FormSection } from './form-sections'
import { GroupOffers } from './group-offers'
import { Icon } from '../../ui/icons'
import {
  countryName,
  useLanguageName,
  SCOPE_KEY,
  STATUS_KEY,
  termName,
  ANSWER_KEY,
  VISIBILITY_KEY,
} from './labels'
import { mergeImported, MurmurationsExport, MurmurationsImportForm } from './murmurations-panel'
import { EssglobalCredit } from './profile-sections'
import { draftOf } from '../../domain/group'

interface Props {
  readonly session: Session
  readonly group: Group
  readonly base: string
  readonly onDelete: () => void
  readonly onImported: (skipped: readonly string[]) => void
}

function Badge({ group, field }: { group: Group; field: VisibilityField }) {
  const t = useT()
  const visibility = visibilityOf(group, field)
  return <span className={`badge ${visibility}`}>{t(VISIBILITY_KEY[visibility])}</span>
}

export function GroupProfile({ session, group, base, onDelete, onImported }: Props) {
  const t = useT()
  const criteria = useStore(session.stores.criteria).items
  const languageName = useLanguageName()
  const locale = t.locale
  const { place, contacts } = group
  const rows: [VisibilityField, MessageKey, ReactNode][] = []
  const add = (field: VisibilityField, label: MessageKey, value: ReactNode, filled: boolean) => {
    if (filled) rows.push([field, label, value])
  }
  add('story', 'groupForm.story', <span className="pre-line">{group.story}</span>, !!group.story)
  const placeText = formatList(
    [place.locality, place.region, place.country && countryName(place.country, locale)].filter(
      Boolean,
    ),
    locale,
  )
  add('place', 'groupForm.place', placeText, placeText !== '')
  add('scope', 'groupForm.scope', group.scope && t(SCOPE_KEY[group.scope]), !!group.scope)
  add(
    'activities',
    'groupForm.activities',
    formatList(
      group.activities.map((a) => termName(a, locale)),
      locale,
    ),
    group.activities.length > 0,
  )
  for (const [field, label] of [
    ['legalForm', 'groupForm.legalForm'],
    ['organisationalStructure', 'groupForm.structure'],
    ['membershipType', 'groupForm.membershipType'],
  ] as const) {
    const term = group[field]
    add(field, label, term && termName(term, locale), !!term)
  }
  add(
    'yearFounded',
    'groupForm.yearFounded',
    group.yearFounded !== undefined && formatNumber(group.yearFounded, locale),
    group.yearFounded !== undefined,
  )
  add(
    'memberCount',
    'groupForm.memberCount',
    group.memberCount?.toLocaleString(locale),
    group.memberCount !== undefined,
  )
  add(
    'languages',
    'groupForm.languages',
    formatList(
      group.languages.map((tag) => languageName(tag)),
      locale,
    ),
    group.languages.length > 0,
  )
  add('website', 'groupForm.website', <a href={group.website}>{group.website}</a>, !!group.website)
  add(
    'email',
    'groupForm.email',
    <a href={`mailto:${contacts.email}`}>{contacts.email}</a>,
    !!contacts.email,
  )
  add(
    'phone',
    'groupForm.phone',
    <a href={`tel:${contacts.phone}`}>{contacts.phone}</a>,
    !!contacts.phone,
  )
  add('otherContact', 'groupForm.otherContact', contacts.other, !!contacts.other)
  add('status', 'groupForm.status', group.status && t(STATUS_KEY[group.status]), !!group.status)
  add('joinedAt', 'groupForm.joinedAt', group.joinedAt, !!group.joinedAt)
  const usesTerms =
    group.activities.length > 0 ||
    !!group.legalForm ||
    !!group.organisationalStructure ||
    !!group.membershipType

  const edit = `${base}/${group.id}/edit`
  const missing = emptySections(group)

  const importInto = (fields: GroupFields, skipped: readonly string[]) => {
    const stored = formStateOf(group)
    const merged = draftOf(mergeImported(groupFieldsOf(group), fields))
    saveDraft(draftKey(session.spaceId, group.id), {
      base: stored,
      current: { ...stored, group: merged },
      origin: 'import',
      at: Date.now(),
    })
    onImported(skipped)
  }

  return (
    <div className="stack group-profile">
      <p className="hint">
        {group.lastChange?.by
          ? t('groups.lastChange', {
              by: group.lastChange.by,
              time: formatTime(group.lastChange.at, locale),
            })
          : t('groups.lastChangeAnon', { time: formatTime(group.updatedAt, locale) })}
      </p>
      {group.summary && (
        <p className="lead">
          {group.summary} <Badge group={group} field="summary" />
        </p>
      )}
      <p className="hint">
        {t('groups.name')} <Badge group={group} field="name" />
      </p>
      <div className="button-row">
        <Link className="button" to={edit}>
          <Icon name="edit" size={20} />
          {t('groups.editProfile')}
        </Link>
      </div>
      {rows.length > 0 ? (
        <dl className="profile-fields">
          {rows.map(([field, label, value]) => (
            <div key={field}>
              <dt>
                {t(label)} <Badge group={group} field={field} />
              </dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        missing.length === 0 && <p className="empty">{t('groups.profileEmpty')}</p>
      )}
      {usesTerms && <EssglobalCredit />}
      {missing.length > 0 && (
        <section className="card stack" aria-labelledby="details-heading">
          <h2 id="details-heading">{t('groups.addDetails')}</h2>
          <ul className="detail-links">
            {missing.map((section) => (
              <li key={section}>
                <Link className="button" to={`${edit}?section=${section}`}>
                  <Icon name="add" size={20} />
                  {t(SECTION_TITLE[section])}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <GroupOffers session={session} groupId={group.id} />
      {/* an empty part is offered under "Add more details" instead of a card of blanks */}
      {group.people.length > 0 && (
        <section className="card stack" aria-labelledby="people-heading">
          <h2 id="people-heading">
            {t('groupForm.people')} <Badge group={group} field="people" />
          </h2>
          <ul className="list">
            {group.people.map((person) => (
              <li key={person.id}>
                <strong>{person.name}</strong>
                {person.role && ` · ${person.role}`}
                {[person.contacts.email, person.contacts.phone, person.contacts.other]
                  .filter(Boolean)
                  .map((contact) => (
                    <span key={contact} className="hint block">
                      {contact}
                    </span>
                  ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {Object.keys(group.criteria).length > 0 && (
        <section className="card stack" aria-labelledby="criteria-heading">
          <h2 id="criteria-heading">
            {t('groupForm.criteria')} <Badge group={group} field="criteria" />
          </h2>
          <ul className="list">
            {criteria.map((criterion) => {
              const answer = group.criteria[criterion.id]
              return (
                <li key={criterion.id} className="criterion-answer">
                  <span>{criterionText(t, criterion)}</span>
                  <strong className={`answer ${answer?.answer ?? 'none'}`}>
                    {answer ? t(ANSWER_KEY[answer.answer]) : t('groups.notAnswered')}
                  </strong>
                  {answer?.note && <span className="hint block">{answer.note}</span>}
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {/* the export to a public index is a rarer job: folded, with its name explained inside */}
      <details className="card murmurations-fold">
        <summary>{t('groups.publicProfile')}</summary>
        <div className="stack">
          <h3>{t('murmurations.title')}</h3>
          <MurmurationsExport group={group} />
          <details>
            <summary>{t('murmurations.importInto')}</summary>
            <MurmurationsImportForm onImport={importInto} />
          </details>
        </div>
      </details>
      <div className="button-row profile-end">
        <button
          type="button"
          className="quiet-delete"
          aria-label={t('groups.deleteNamed', { name: group.name })}
          onClick={onDelete}
        >
          <Icon name="trash" size={20} />
          {t('common.delete')}
        </button>
      </div>
    </div>
  )
}

/** The sections of "Add more details" that hold nothing yet. */
function emptySections(group: Group): FormSection[] {
  const { place, contacts } = group
  const filled: Readonly<Record<FormSection, boolean>> = {
    about: !!group.story,
    contact: !!(group.website || contacts.email || contacts.phone || contacts.other),
    people: group.people.length > 0,
    work: group.activities.length > 0,
    where: !!(place.locality || place.region || place.country || group.scope),
    languages: group.languages.length > 0,
    organised: !!(
      group.legalForm ||
      group.organisationalStructure ||
      group.membershipType ||
      group.yearFounded !== undefined ||
      group.memberCount !== undefined ||
      group.status ||
      group.joinedAt
    ),
    membership: Object.keys(group.criteria).length > 0,
  }
  return FORM_SECTIONS.filter((section) => !filled[section])
}
