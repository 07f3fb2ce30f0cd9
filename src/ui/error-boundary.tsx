/**
 * One per feature: an unexpected error in one screen shows a message there and keeps the
 * rest of the app (navigation, other spaces, settings) usable.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  readonly fallback: (error: Error, reset: () => void) => ReactNode
  readonly children: ReactNode
}

export class ErrorBoundary extends Component<Props, { error: Error | undefined }> {
  override state = { error: undefined as Error | undefined }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('A screen failed', error, info.componentStack)
  }

  override render() {
    const { error } = this.state
    return error
      ? this.props.fallback(error, () => this.setState({ error: undefined }))
      : this.props.children
  }
}
