import { allReceived, receiveDocument, requestedItems } from './pending-items';

describe('pending items', () => {
  const items = requestedItems([
    { kind: 'EFT_AUTHORIZATION', description: 'Signed EFT authorization' },
    { kind: 'OTHER', description: 'Quarterly wage report' },
    { kind: 'OTHER', description: 'Articles of incorporation' },
  ]);
  const at = '2026-06-02T15:00:00.000Z';

  it('starts outstanding', () => {
    expect(items.every((i) => i.receivedAt === null && i.documentId === null)).toBe(true);
    expect(allReceived(items)).toBe(false);
  });

  it('clears the first outstanding item of the document kind, one per document', () => {
    const first = receiveDocument(items, { id: 'd1', kind: 'OTHER' }, at);
    expect(first.cleared).toMatchObject({ description: 'Quarterly wage report', documentId: 'd1', receivedAt: at });
    const second = receiveDocument(first.items, { id: 'd2', kind: 'OTHER' }, at);
    expect(second.cleared).toMatchObject({ description: 'Articles of incorporation', documentId: 'd2' });
    const third = receiveDocument(second.items, { id: 'd3', kind: 'OTHER' }, at);
    expect(third.cleared).toBeNull();
    expect(allReceived(third.items)).toBe(false);
    expect(allReceived(receiveDocument(third.items, { id: 'd4', kind: 'EFT_AUTHORIZATION' }, at).items)).toBe(true);
  });

  it('ignores a document of a kind nobody asked for', () => {
    const result = receiveDocument(items, { id: 'd1', kind: 'SIGNED_APPLICATION' }, at);
    expect(result.cleared).toBeNull();
    expect(result.items).toEqual(items);
  });
});
