import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pagePolicy } from './csp.ts';

const sha = (s: string) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;

describe('pagePolicy', () => {
  it('allows exactly the inline scripts of the page, by hash, and no external script origin', () => {
    const a = '\n  var x = 1; // 中文\n';
    const b = 'document.body.className = "elder-mode";';
    const html = `<html><head><script>${a}</script><script type="module" src="/assets/app.js"></script></head>`
      + `<body><script>${b}</script></body></html>`;
    const policy = pagePolicy(html);
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).toBe(`script-src 'self' ${sha(a)} ${sha(b)}`);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
  });

  it('allows only same-origin scripts when the page has no inline script', () => {
    const policy = pagePolicy('<html><script src="/a.js"></script></html>');
    expect(policy).toContain("script-src 'self';");
  });
});
