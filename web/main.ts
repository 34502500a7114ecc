import { ApiError, getJson, setToken } from './api.js';
import { h, mount } from './dom.js';
import { hidePopover } from './popover.js';
import { articleView } from './views/article.js';
import { listView } from './views/list.js';
import { storyView } from './views/story.js';

/** Fallback when the page carries no poll interval. */
const DEFAULT_POLL_MS = 3000;

type View = () => Promise<HTMLElement[]>;

function route(): View | null {
  const path = location.pathname;
  const m = /^\/(stories|articles)\/([^/]+)\/?$/.exec(path);
  if (m && m[2] !== undefined) {
    const id = decodeURIComponent(m[2]);
    return m[1] === 'stories' ? () => storyView(id) : () => articleView(id);
  }
  if (path === '/' || path === '') return () => listView(new URLSearchParams(location.search));
  return null;
}

function tokenForm(app: HTMLElement, message: string, retry: () => void): HTMLElement {
  const input = h('input', { type: 'password', name: 'token', autocomplete: 'off', 'aria-label': 'token' });
  const form = h('form', { class: 'token' }, h('p', null, message), input, h('button', { type: 'submit' }, 'Open'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    setToken(input.value.trim());
    mount(app, h('p', { class: 'loading' }, 'Loading…'));
    retry();
  });
  return form;
}

/** Scrolls to and flashes the element named by the URL's #fragment, once the view exists. */
function revealHash(): void {
  if (!location.hash) return;
  const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.classList.add('flash');
}

async function render(app: HTMLElement, view: View, first: boolean): Promise<void> {
  try {
    const nodes = await view();
    const y = window.scrollY;
    hidePopover();
    mount(app, nodes);
    if (first) revealHash();
    else window.scrollTo(0, y);
    app.dataset.state = 'ready';
  } catch (err) {
    app.dataset.state = 'error';
    if (err instanceof ApiError && err.status === 401) {
      mount(app, tokenForm(app, 'This server needs a token to read its stories.', () => void render(app, view, true)));
    } else if (err instanceof ApiError && err.status === 404) {
      mount(app, h('h1', null, 'Not found'), h('p', null, err.message), h('p', null, h('a', { href: '/' }, '← all stories')));
    } else if (first) {
      mount(app, h('h1', null, 'Something went wrong'), h('p', null, err instanceof Error ? err.message : String(err)));
    }
    // A failed refresh keeps the page as it was; the next revision tries again.
  }
}

/**
 * Live updates: ask /api/revision every few seconds (cheap, works with a
 * Bearer token, unlike EventSource) and re-render the view when it grew.
 */
function poll(app: HTMLElement, view: View): void {
  const meta = document.querySelector('meta[name="newsfuse-poll-ms"]');
  const ms = Number(meta?.getAttribute('content')) || DEFAULT_POLL_MS;
  const live = document.getElementById('live');
  let last: number | undefined;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const { revision } = await getJson<{ revision: number }>('/api/revision');
      if (last !== undefined && revision !== last) {
        await render(app, view, false);
        if (live) live.textContent = `updated ${new Date().toLocaleTimeString()}`;
      }
      last = revision;
    } catch {
      // offline or unauthorised: try again on the next tick
    } finally {
      busy = false;
    }
  };
  void tick();
  window.setInterval(() => void tick(), ms);
}

function start(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const view = route();
  if (!view) {
    mount(app, h('h1', null, 'Not found'), h('p', null, h('a', { href: '/' }, '← all stories')));
    return;
  }
  void render(app, view, true).then(() => poll(app, view));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
