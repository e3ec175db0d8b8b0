import { describe, expect, it } from 'vitest';
import { linkifyMailBody } from './linkify';

const APP = 'http://127.0.0.1:3100';

describe('linkifyMailBody', () => {
  it('links URLs on the app origin, leaving trailing punctuation as text', () => {
    expect(linkifyMailBody(`Accept here:\n${APP}/invite/abc_DEF-123.\nThanks`, APP)).toEqual([
      { kind: 'text', text: 'Accept here:\n' },
      { kind: 'link', href: `${APP}/invite/abc_DEF-123` },
      { kind: 'text', text: '.\nThanks' },
    ]);
  });

  it('keeps other origins and look-alike hosts as text', () => {
    const body = `Go to https://evil.example/x or ${APP}.evil.example/invite/a or http://127.0.0.1:3101/x`;
    expect(linkifyMailBody(body, APP)).toEqual([{ kind: 'text', text: body }]);
  });

  it('never produces a javascript: link', () => {
    const body = 'javascript:alert(1) and <script>alert(1)</script>';
    expect(linkifyMailBody(body, APP)).toEqual([{ kind: 'text', text: body }]);
  });

  it('handles a body that is only a link, and an empty body', () => {
    expect(linkifyMailBody(`${APP}/a`, APP)).toEqual([{ kind: 'link', href: `${APP}/a` }]);
    expect(linkifyMailBody('', APP)).toEqual([]);
  });
});
