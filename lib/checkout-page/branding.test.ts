import { describe, expect, it } from 'vitest';
import { contrastRatio, safeBrandColor, safeImageUrl, safeRedirectUrl, textOn } from './branding';

describe('safeBrandColor', () => {
  it.each([
    ['#1A2b3C', '#1a2b3c'],
    ['#000000', '#000000'],
    ['#fff', null],
    ['red', null],
    ['#123456;background:url(x)', null],
    ['#12345g', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, out) => expect(safeBrandColor(input)).toBe(out));
});

describe('textOn', () => {
  it('always reaches 4.5:1 against the brand colour', () => {
    for (let v = 0; v < 0xffffff; v += 0x0f0f0f) {
      const hex = `#${v.toString(16).padStart(6, '0')}`;
      expect(contrastRatio(hex, textOn(hex)), hex).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('white on dark, dark on light', () => {
    expect(textOn('#0a2540')).toBe('#ffffff');
    expect(textOn('#ffd60a')).toBe('#000000');
  });
});

describe('safeImageUrl', () => {
  it('https anywhere', () =>
    expect(safeImageUrl('https://cdn.example/a.png', true)).toBe('https://cdn.example/a.png'));
  it('http only on loopback and only in test mode', () => {
    expect(safeImageUrl('http://localhost:4000/a.png', false)).toBe('http://localhost:4000/a.png');
    expect(safeImageUrl('http://localhost:4000/a.png', true)).toBeNull();
    expect(safeImageUrl('http://cdn.example/a.png', false)).toBeNull();
  });
  it.each([
    'javascript:alert(1)',
    'data:image/svg+xml,<svg onload=alert(1)>',
    '/relative.png',
    'x',
    'https://u:p@cdn.example/a.png',
  ])('drops %s', (input) => expect(safeImageUrl(input, false)).toBeNull());
});

describe('safeRedirectUrl', () => {
  it('keeps absolute http(s) URLs', () => {
    expect(safeRedirectUrl('https://shop.example/done?session_id=cs_test_1')).toBe(
      'https://shop.example/done?session_id=cs_test_1',
    );
    expect(safeRedirectUrl('http://127.0.0.1:3000/x')).toBe('http://127.0.0.1:3000/x');
  });
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,hi',
    '//evil.example',
    '/x',
    'https://a:b@x.example/',
  ])('drops %s', (input) => expect(safeRedirectUrl(input)).toBeNull());
});
