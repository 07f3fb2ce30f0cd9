/**
 * Where a meeting page shows its photos and voice notes. Features never import each other, so
 * the meetings feature renders this slot and app/ fills it with the media feature, loaded on
 * first use (its own chunk: the first screen's JavaScript does not carry it). Empty, it shows
 * nothing, as in tests that render a meeting page alone.
 */
import { createContext, createElement, Suspense, useContext, type ComponentType } from 'react'
import type { Session } from './session'

export interface MeetingMediaProps {
  readonly session: Session
  readonly meetingId: string
}

export const MeetingMediaSlot = createContext<ComponentType<MeetingMediaProps> | undefined>(
  undefined,
)

export function MeetingMedia(props: MeetingMediaProps) {
  const Section = useContext(MeetingMediaSlot)
  return Section ? createElement(Suspense, { fallback: null }, createElement(Section, props)) : null
}
