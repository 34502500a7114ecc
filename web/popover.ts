import { h, mount } from './dom.js';

/**
 * One floating box for citations: hovering or focusing a citation shows the
 * source's own sentence next to it. Content is built from text nodes only.
 */
let box: HTMLElement | null = null;

function popover(): HTMLElement {
  if (!box) {
    box = h('div', { class: 'popover', role: 'tooltip', id: 'popover' });
    box.hidden = true;
    document.body.appendChild(box);
  }
  return box;
}

export function showPopover(anchor: HTMLElement, heading: string, body: string): void {
  const el = popover();
  mount(el, h('div', { class: 'pop-head' }, heading), h('div', { class: 'pop-body' }, body));
  el.hidden = false;
  const r = anchor.getBoundingClientRect();
  const width = Math.min(420, window.innerWidth - 16);
  el.style.width = `${width}px`;
  el.style.left = `${Math.max(8, Math.min(window.scrollX + r.left - 20, window.scrollX + window.innerWidth - width - 8))}px`;
  el.style.top = `${window.scrollY + r.bottom + 6}px`;
}

export function hidePopover(): void {
  if (box) box.hidden = true;
}

/** Wires an element to show a sentence on hover and keyboard focus. */
export function withPopover(el: HTMLElement, heading: string, body: string): HTMLElement {
  el.addEventListener('mouseenter', () => showPopover(el, heading, body));
  el.addEventListener('focus', () => showPopover(el, heading, body));
  el.addEventListener('mouseleave', hidePopover);
  el.addEventListener('blur', hidePopover);
  el.setAttribute('aria-describedby', 'popover');
  return el;
}
