// The keyboard shortcuts, as data: the handler (shortcuts.tsx) and the help dialog (`?`) both read
// this list, so a shortcut is documented where it is defined.
import type { ClusterSection } from '@/components/cluster/cluster-path';

/** Each shortcut as the keys pressed in turn (alternatives joined by "or"). */
export const SHORTCUTS: readonly { keys: readonly string[]; does: string }[] = [
  { keys: ['/'], does: "Focus the page's filter" },
  { keys: ['g', 't'], does: 'Go to topics' },
  { keys: ['g', 'g'], does: 'Go to consumer groups' },
  { keys: ['g', 'b'], does: 'Go to brokers' },
  { keys: ['g', 'o'], does: 'Go to the overview' },
  { keys: ['j', 'k'], does: 'Next row, previous row (messages)' },
  { keys: ['Enter'], does: 'Expand or collapse the row' },
  { keys: ['Esc'], does: 'Close the dialog or the expanded row' },
  { keys: ['?'], does: 'Show these shortcuts' },
];

/** The second key after `g`, and where it goes. */
export const GO_TO: Readonly<Record<string, ClusterSection>> = { t: 'topics', g: 'groups', b: 'brokers', o: '' };

/** How long `g` waits for its second key. */
export const CHORD_MS = 1500;

/** Keys typed into a field are text, not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/** The page's filter: a search box, or a search form's field (the overview's "Find a topic"). */
export const FILTER_SELECTOR = 'main [data-page-filter], main input[type="search"], main [role="search"] input';
/** Rows a user can step through with j/k and open with Enter (their expand buttons). */
export const ROW_SELECTOR = 'main [data-row-toggle]';
