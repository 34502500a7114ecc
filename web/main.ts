import { ApiError, changesSinceReset, getJson, hasToken, resetChanges, setToken } from './api.js';
import { h, mount } from './dom.js';
import { hidePopover } from './popover.js';
import { articleView } from './views/article.js';
import { listView } from './views/list.js';
import { storyView } from './views/story.js';

/** Poll interval when the page carries none (only used when the event stream cannot be). */
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
    resetChanges();
    const nodes = await view();
    // A refresh whose data did not change keeps the page as it is (open details, popovers, scroll).
    if (!first && changesSinceReset() === 0) return;
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
 * Live updates: the server's event stream (/api/events) tells of every new
 * revision; where it cannot be used (a read token is needed, which
 * EventSource cannot send, or the stream fails for good) the page asks
 * /api/revision every few seconds instead. A new revision redraws the view.
 */
function watch(app: HTMLElement, view: View): void {
  const live = document.getElementById('live');
  let last: number | undefined;
  let busy = false;
  let again = false;
  const seen = async (revision: number) => {
    const changed = last !== undefined && revision !== last;
    last = revision;
    if (!changed) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        await render(app, view, false);
      } while (again);
      if (live) live.textContent = `updated ${new Date().toLocaleTimeString()}`;
    } finally {
      busy = false;
    }
  };
  const poll = () => {
    const meta = document.querySelector('meta[name="newsfuse-poll-ms"]');
    const ms = Number(meta?.getAttribute('content')) || DEFAULT_POLL_MS;
    const tick = () =>
      getJson<{ revision: number }>('/api/revision').then(
        (r) => seen(r.revision),
        () => undefined, // offline or unauthorised: try again on the next tick
      );
    void tick();
    window.setInterval(() => void tick(), ms);
  };
  if (typeof EventSource === 'undefined' || hasToken()) {
    poll();
    return;
  }
  const events = new EventSource('/api/events');
  events.addEventListener('revision', (ev) => {
    const data = JSON.parse((ev as MessageEvent<string>).data) as { revision: number };
    void seen(data.revision);
  });
  events.addEventListener('error', () => {
    // CONNECTING means the browser retries by itself; CLOSED means the server refused (401): poll instead.
    if (events.readyState === EventSource.CLOSED) poll();
  });
}

function start(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const view = route();
  if (!view) {
    mount(app, h('h1', null, 'Not found'), h('p', null, h('a', { href: '/' }, '← all stories')));
    return;
  }
  void render(app, view, true).then(() => watch(app, view));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
