// Names that come from Kafka (topic names, group ids, record keys, header names) are shown as text,
// and text may carry bidirectional control characters: U+202E (RIGHT-TO-LEFT OVERRIDE) makes
// "\u202Eevil" display as "live", so a key or group could pass for another. Wherever such a name is
// rendered, its bidi controls are written out visibly ("<U+202E>") instead. Only the display
// changes: links, copies and requests keep the name as it is.

/** Every bidi formatting character: ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
