// Which topics and groups the asker may see, as a value the services take: lists, counts and the
// group pages leave out what is not visible, before paging, so a hidden name never shows up even as
// a gap. The access layer knows nothing of users or roles; the HTTP layer builds this from them.
export interface Visibility {
  topic(name: string): boolean;
  group(name: string): boolean;
  /** Equal for equal visibilities: results cached per visibility are keyed by it. */
  readonly key: string;
}

export const SEES_ALL: Visibility = { topic: () => true, group: () => true, key: '*' };
