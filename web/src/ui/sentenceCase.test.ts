// Relative dates inside a sentence, per language, as Intl gives them.
import { describe, expect, it } from 'vitest';
import { midSentence } from './sentenceCase';

const relative = (lng: string, n: number, unit: Intl.RelativeTimeFormatUnit) => new Intl.RelativeTimeFormat(lng, { numeric: 'auto' }).format(n, unit);

describe('midSentence', () => {
  it('puts Vietnamese relative dates in small letters inside a sentence', () => {
    expect(relative('vi', -1, 'day')).toBe('Hôm qua');
    expect(`chương trình ${midSentence(relative('vi', -1, 'day'), 'vi')}`).toBe('chương trình hôm qua');
    expect(midSentence(relative('vi', 1, 'day'), 'vi')).toBe('ngày mai');
    expect(midSentence(relative('vi', -3, 'hour'), 'vi')).toBe('3 giờ trước');
  });

  it('leaves German as Intl gives it, and the other languages already lower-case', () => {
    expect(midSentence('Gestern', 'de')).toBe('Gestern');
    expect(midSentence(relative('de', -3, 'hour'), 'de')).toBe('vor 3 Stunden');
    for (const lng of ['en', 'da', 'es']) expect(midSentence(relative(lng, -1, 'day'), lng)).toBe(relative(lng, -1, 'day'));
    expect(midSentence('', 'vi')).toBe('');
  });
});
