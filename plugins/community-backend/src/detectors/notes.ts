/** Notes kept on one outcome; past this many they are summed up in one line. */
const MAX_NOTES = 10;

/**
 * Collects the notes of one detector run. A glob such as `**\/*` can skip
 * thousands of files; the result should stay readable, so only the first
 * few are listed and the rest are counted.
 */
export class NoteList {
  private readonly notes: string[] = [];
  private more = 0;

  add(note: string): void {
    if (this.notes.includes(note)) return;
    if (this.notes.length < MAX_NOTES) this.notes.push(note);
    else this.more += 1;
  }

  /** `{ notes }` to spread into an outcome; `{}` when there are none. */
  field(): { notes?: string[] } {
    if (this.notes.length === 0) return {};
    if (this.more === 0) return { notes: [...this.notes] };
    return { notes: [...this.notes, `and ${this.more} more notes like these`] };
  }
}

/** `2.0 MiB`, `512 KiB`, `300 bytes`: sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** The note for a file the reader did not read because of its size. */
export function overCapNote(
  path: string,
  size: number | undefined,
  maxFileBytes: number,
): string {
  const limit = formatBytes(maxFileBytes);
  return size === undefined
    ? `skipped ${path}: it is over the ${limit} limit`
    : `skipped ${path}: ${formatBytes(size)} is over the ${limit} limit`;
}
