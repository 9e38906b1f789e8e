import type { DocumentKind, PendingItem } from '@sbo/shared';

/** The items a rep asks for, outstanding until a document of their kind arrives. */
export const requestedItems = (items: readonly { kind: DocumentKind; description: string }[]): PendingItem[] =>
  items.map(({ kind, description }) => ({ kind, description, receivedAt: null, documentId: null }));

/**
 * A document of `kind` arrived: it answers the first outstanding item of that kind, if any.
 * Returns the updated list and the item it cleared (null when it matched none).
 */
export function receiveDocument(
  items: readonly PendingItem[],
  document: { id: string; kind: DocumentKind },
  receivedAt: string,
): { items: PendingItem[]; cleared: PendingItem | null } {
  const index = items.findIndex((item) => item.kind === document.kind && !item.receivedAt);
  if (index < 0) return { items: [...items], cleared: null };
  const cleared = { ...items[index], receivedAt, documentId: document.id };
  return { items: items.map((item, i) => (i === index ? cleared : item)), cleared };
}

export const allReceived = (items: readonly PendingItem[]): boolean => items.every((item) => item.receivedAt !== null);
