// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createControlHost, h, keepAtEnd, keepBeside, onUserClick } from '@/utils/portal/inPageControl';
import { OWN_UI_ATTR } from '@/utils/portal/fieldFinder';

describe('in-page control', () => {
  it('lives in its own closed shadow root, marked as the extension’s UI, with an accessible group name', () => {
    const c = createControlHost('create-app');
    expect(c.host.getAttribute(OWN_UI_ATTR)).toBe('create-app');
    // Closed: page scripts cannot reach the control's content.
    expect(c.root.mode).toBe('closed');
    expect(c.host.shadowRoot).toBeNull();
    expect(c.box.getAttribute('aria-label')).toBe('SmartAPI Companion');
    expect(c.root.querySelector('style')?.textContent).toContain('prefers-color-scheme: dark');
  });

  it('ignores clicks made by page scripts (untrusted events)', () => {
    let runs = 0;
    const button = h('button', { type: 'button' }, 'Fill with SmartAPI Companion');
    onUserClick(button, () => {
      runs++;
    });
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(runs).toBe(0);
  });

  it('stays next to the form and comes back after a re-render removes it', async () => {
    document.body.innerHTML = '<main><form id="f"></form></main>';
    const c = createControlHost('create-app');
    const stop = keepBeside(c, () => document.getElementById('f'));
    expect(c.host.nextElementSibling?.id).toBe('f');
    c.host.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(c.host.nextElementSibling?.id).toBe('f');
    stop();
    expect(c.host.isConnected).toBe(false);
  });

  it('keepAtEnd appends inside a row and re-appends', async () => {
    document.body.innerHTML = '<section id="row"><p>API Key</p></section>';
    const c = createControlHost('my-apis');
    const stop = keepAtEnd(c, () => document.getElementById('row'));
    expect(document.getElementById('row')!.lastElementChild).toBe(c.host);
    document.getElementById('row')!.removeChild(c.host);
    await new Promise((r) => setTimeout(r, 0));
    expect(document.getElementById('row')!.lastElementChild).toBe(c.host);
    stop();
  });
});
