import { describe, expect, it } from 'vitest';
import { pieces } from './highlight';

describe('pieces', () => {
  it('cuts a snippet into plain and marked pieces', () => {
    expect(pieces('Khách chờ hoàn tiền lâu', [{ start: 10, end: 14 }, { start: 15, end: 19 }])).toEqual([
      { text: 'Khách chờ ', marked: false },
      { text: 'hoàn', marked: true },
      { text: ' ', marked: false },
      { text: 'tiền', marked: true },
      { text: ' lâu', marked: false },
    ]);
  });

  it('drops ranges that overlap, run backwards or leave the text', () => {
    expect(pieces('abcdef', [{ start: 1, end: 3 }, { start: 2, end: 4 }, { start: 5, end: 4 }, { start: 4, end: 9 }])).toEqual([
      { text: 'a', marked: false },
      { text: 'bc', marked: true },
      { text: 'def', marked: false },
    ]);
    expect(pieces('', [])).toEqual([]);
  });
});
