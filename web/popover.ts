import { h, mount } from './dom.js';

/**
 * One floating box for citations: hovering or focusing a citation shows the
 * source's own sentence next to it (keyboard users reach it with Tab, and
 * Escape closes it). Content is built from text nodes only.
 */
let box: HTMLElement | null = null;
let anchorEl: HTMLElement | null = null;

function popover(): HTMLElement {
  if (!box) {
    box = h('div', { class: 'popover', role: 'tooltip', id: 'popover' });
    box.hidden = true;
    document.body.appendChild(box);
    document.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') hidePopover();
    });
  }
  return box;
}

export function showPopover(anchor: HTMLElement, heading: string, body: string, lang?: string): void {
  const el = popover();
  anchorEl = anchor;
  mount(el, h('div', { class: 'pop-head' }, heading), h('div', { class: 'pop-body', lang }, body));
  el.hidden = false;
  anchor.setAttribute('aria-describedby', 'popover');
  const r = anchor.getBoundingClientRect();
  const width = Math.min(420, document.documentElement.clientWidth - 16);
  el.style.width = `${width}px`;
  el.style.left = `${Math.max(8, Math.min(window.scrollX + r.left - 20, window.scrollX + document.documentElement.clientWidth - width - 8))}px`;
  el.style.top = `${window.scrollY + r.bottom + 6}px`;
}

export function hidePopover(): void {
  if (box) box.hidden = true;
  anchorEl?.removeAttribute('aria-describedby');
  anchorEl = null;
}

/** Wires an element to show a sentence on hover and on keyboard focus. */
export function withPopover(el: HTMLElement, heading: string, body: string, lang?: string): HTMLElement {
  el.addEventListener('mouseenter', () => showPopover(el, heading, body, lang));
  el.addEventListener('focus', () => showPopover(el, heading, body, lang));
  el.addEventListener('mouseleave', () => {
    if (document.activeElement !== el) hidePopover();
  });
  el.addEventListener('blur', hidePopover);
  return el;
}
