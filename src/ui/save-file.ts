/**
 * Hands a file to the person: through the share sheet when asked and the browser can share
 * files (Android; iPhone Safari), else as a download. Resolves 'shared', 'downloaded' or
 * 'cancelled' (the share sheet was closed).
 */
export async function saveFile(
  file: File,
  options: { readonly share?: boolean; readonly title?: string } = {},
): Promise<'shared' | 'downloaded' | 'cancelled'> {
  if (
    options.share &&
    typeof navigator.canShare === 'function' &&
    navigator.canShare({ files: [file] })
  ) {
    try {
      await navigator.share({ files: [file], ...(options.title ? { title: options.title } : {}) })
      return 'shared'
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled'
      // sharing failed for another reason: fall back to a download
    }
  }
  const url = URL.createObjectURL(file)
  const link = document.createElement('a')
  link.href = url
  link.download = file.name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return 'downloaded'
}

/** Whether saveFile({ share: true }) can offer the share sheet at all. */
export const canShareFiles = (): boolean => typeof navigator.canShare === 'function'
