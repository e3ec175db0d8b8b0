import { describe, expect, it } from 'vitest';
import { brandingSchema } from './branding-schema';

describe('brandingSchema', () => {
  it('lower-cases the colour and keeps an https logo', () => {
    expect(
      brandingSchema.parse({ brand_color: ' #0A2540 ', logo_url: 'https://cdn.example/logo.png' }),
    ).toEqual({
      brand_color: '#0a2540',
      logo_url: 'https://cdn.example/logo.png',
    });
  });
  it('empty fields clear the values', () => {
    expect(brandingSchema.parse({ brand_color: '', logo_url: '' })).toEqual({
      brand_color: null,
      logo_url: null,
    });
    expect(brandingSchema.parse({})).toEqual({ brand_color: null, logo_url: null });
  });
  it.each(['red', '#fff', '#12345g', '#123456;x', 'url(x)'])('refuses the colour %s', (brand_color) => {
    expect(brandingSchema.safeParse({ brand_color }).success).toBe(false);
  });
  it.each([
    'http://cdn.example/logo.png',
    'javascript:alert(1)',
    'data:image/png;base64,AA',
    'https://user:pw@cdn.example/logo.png',
    'https://cdn.example/a b.png',
    '//cdn.example/logo.png',
  ])('refuses the logo %s', (logo_url) => {
    expect(brandingSchema.safeParse({ logo_url }).success).toBe(false);
  });
  it('is strict', () => {
    expect(brandingSchema.safeParse({ brand_color: '', extra: '1' }).success).toBe(false);
  });
});
