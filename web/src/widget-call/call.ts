/**
 * The web chat widget's call: loaded only when a visitor presses the call button (a module script of its
 * own, so neither widget.js nor any Lambda carries audio code). It asks for the microphone, places the call
 * (`POST /widget/:channelId/calls`), joins the call's audio with the visitor's `caller` ticket and shows the
 * call: waiting with the place in the queue, talking with the agent (mute, hang up), ended; while the call lives
 * it beats (`…/heartbeat`), so a page that dies without hanging up ends the call on the server. It registers
 * itself as `window.__ccWidgetCall`; widget.js passes what it owns (the token, the panel, the pushes).
 * Built by scripts/build-widget-call.ts (esbuild, ES modules with the audio clients as lazy chunks).
 */
import type { WidgetCallView, PlacedCall } from '@cc/shared/widget/calls';
import type { CallAudio } from '../voice/call-audio.ts';
import { joinCallAudio } from '../voice/join-call-audio.ts';

/** What widget.js lends the call. */
export interface CallHost {
  /** The API base (`https://<api>`) and the channel. */
  base: string;
  channel: string;
  lang: 'ru' | 'en';
  /** The visitor's current token; `renew` trades it for a fresh one (after a 401). */
  token(): string;
  renew(): Promise<void>;
  /** Replaces the panel's body with `node` (and empties its footer). */
  show(node: Node): void;
  /** The call is over and the visitor went back: the widget shows the chat again. */
  done(): void;
}

/** What widget.js holds of a running call. */
export interface CallControl {
  /** A `widget.call` push for this visitor. */
  push(view: WidgetCallView): void;
  hangUp(): Promise<void>;
}

const TEXTS = {
  ru: {
    calling: 'Звоним…', waiting: 'Ждём оператора…', connecting: 'Соединяем с оператором…', talking: 'Разговор: ', mute: 'Выключить микрофон', unmute: 'Включить микрофон',
    hangUp: 'Завершить звонок', ended: 'Звонок завершён', abandoned: 'Вы завершили звонок до ответа оператора.', back: 'Вернуться в чат', agent: 'оператор',
    micTitle: 'Нет доступа к микрофону', micDenied: 'Разрешите микрофон для этого сайта в настройках браузера и позвоните снова.', noMic: 'Микрофон не найден. Подключите его и позвоните снова.',
    failed: 'Не удалось позвонить. Попробуйте позже или напишите в чат.', busy: 'Вы уже звоните нам — возможно, в другой вкладке.', noAudio: 'Нет звука: соединение не установилось.', muted: 'Микрофон выключен',
  },
  en: {
    calling: 'Calling…', waiting: 'Waiting for an agent…', connecting: 'Connecting you to an agent…', talking: 'Talking with ', mute: 'Mute', unmute: 'Unmute',
    hangUp: 'Hang up', ended: 'The call has ended', abandoned: 'You hung up before an agent answered.', back: 'Back to the chat', agent: 'an agent',
    micTitle: 'No access to the microphone', micDenied: 'Allow the microphone for this site in the browser settings and call again.', noMic: 'No microphone found. Plug one in and call again.',
    failed: 'The call could not be placed. Try again later or write to us in the chat.', busy: 'You are already calling us, perhaps in another tab.', noAudio: 'No sound: the connection could not be set up.', muted: 'Microphone off',
  },
};

const CSS = `.call{display:flex;flex-direction:column;align-items:center;gap:14px;padding:28px 8px;text-align:center}
.call .ring{width:72px;height:72px;border-radius:50%;background:var(--cc,#2563eb);display:grid;place-items:center;color:#fff;font-size:32px}
.call.live .ring{background:#16a34a}.call.ended .ring{background:#9ca3af}.call .warn{color:#b45309;font-size:13px}.call.waiting .ring{animation:p 1.6s infinite}@keyframes p{50%{box-shadow:0 0 0 12px #2563eb22}}
.call .title{font-size:17px;font-weight:600;color:#111827}.call .sub{color:#4b5563;font-size:13px;min-height:18px}.call .clock{font-variant-numeric:tabular-nums;color:#374151}
.call .row{display:flex;gap:10px}.call .hang{background:#dc2626}.call .quiet{background:#fff;color:#111827;border:1px solid #d1d5db}.call .quiet[aria-pressed=true]{background:#fee2e2;border-color:#fca5a5}`;

/** A small element builder (the widget's own is inside its closure). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

class ApiError extends Error {
  constructor(readonly status: number, readonly reason: string | undefined, message: string) {
    super(message);
  }
}

/** Asks for the microphone before anything is placed, so a refusal costs no call in the queue. */
async function microphone(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
}

export function start(host: CallHost): CallControl {
  const T = TEXTS[host.lang];
  const ring = el('div', { class: 'ring', 'aria-hidden': 'true' }, '☎');
  const title = el('div', { class: 'title' }, T.calling);
  const sub = el('div', { class: 'sub', role: 'status' });
  const clock = el('div', { class: 'clock', hidden: '' });
  const warn = el('div', { class: 'warn', hidden: '' });
  const mute = el('button', { class: 'btn quiet', type: 'button', 'aria-pressed': 'false' }, T.mute);
  const hang = el('button', { class: 'btn hang', type: 'button' }, T.hangUp);
  const back = el('button', { class: 'btn quiet', type: 'button', hidden: '' }, T.back);
  const view = el('div', { class: 'call waiting', 'data-call': 'calling' }, el('style', {}, CSS), ring, title, sub, clock, warn, el('div', { class: 'row' }, mute, hang), back);
  host.show(view);

  let contactId: string | undefined;
  let version = -1;
  let audio: CallAudio | undefined;
  let mic: MediaStream | undefined;
  let poller: ReturnType<typeof setInterval> | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let over = false;

  const request = async <T>(method: string, path: string, body?: unknown, retried = false, keepalive = false): Promise<T> => {
    const res = await fetch(`${host.base}/widget/${encodeURIComponent(host.channel)}${path}`, {
      method,
      keepalive,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token()}` },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (res.status === 401 && !retried) {
      await host.renew();
      return request(method, path, body, true, keepalive);
    }
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiError(res.status, data.reason, data.detail ?? res.statusText);
    return data as T;
  };

  const finish = (text: string, detail = '') => {
    over = true;
    clearInterval(poller);
    clearInterval(ticker);
    window.removeEventListener('pagehide', onLeave);
    void audio?.leave().catch(() => undefined);
    mic?.getTracks().forEach((t) => t.stop());
    view.className = 'call ended';
    view.dataset['call'] = 'ended';
    title.textContent = text;
    sub.textContent = detail;
    mute.hidden = true;
    hang.hidden = true;
    warn.hidden = true;
    back.hidden = false;
    back.focus();
  };

  const apply = (call: WidgetCallView) => {
    if (over || call.contactId !== contactId || call.version < version) return;
    version = call.version;
    view.dataset['call'] = call.status;
    if (call.status === 'ended') return finish(T.ended, call.outcome === 'abandoned' ? T.abandoned : '');
    if (call.status === 'connected') {
      view.className = 'call live';
      title.textContent = T.talking + (call.agentName ?? T.agent);
      if (!ticker) {
        const since = Date.now();
        clock.hidden = false;
        const tick = () => {
          const s = Math.floor((Date.now() - since) / 1000);
          clock.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
        };
        tick();
        ticker = setInterval(tick, 1000);
      }
      sub.textContent = mute.getAttribute('aria-pressed') === 'true' ? T.muted : '';
      return;
    }
    view.className = 'call waiting';
    title.textContent = call.status === 'connecting' ? T.connecting : T.calling;
    sub.textContent = call.status === 'waiting' ? (call.position?.text[host.lang] ?? T.waiting) : '';
  };

  const hangUp = async () => {
    if (over) return;
    if (!contactId) return finish(T.ended);
    hang.disabled = true;
    try {
      apply(await request<WidgetCallView>('POST', `/calls/${contactId}/hangup`));
    } catch {
      finish(T.ended);
    }
  };
  // Leaving the page hangs up, as putting a phone down does (keepalive outlives the page).
  const onLeave = () => {
    if (contactId && !over) void request('POST', `/calls/${contactId}/hangup`, undefined, true, true).catch(() => undefined);
  };

  mute.addEventListener('click', () => {
    const muted = mute.getAttribute('aria-pressed') !== 'true';
    mute.setAttribute('aria-pressed', String(muted));
    mute.textContent = muted ? T.unmute : T.mute;
    audio?.setMuted(muted);
    if (view.dataset['call'] === 'connected') sub.textContent = muted ? T.muted : '';
  });
  hang.addEventListener('click', () => void hangUp());
  back.addEventListener('click', () => host.done());

  void (async () => {
    try {
      mic = await microphone();
    } catch (error) {
      const name = error instanceof DOMException ? error.name : '';
      return finish(T.micTitle, name === 'NotFoundError' || name === 'OverconstrainedError' ? T.noMic : T.micDenied);
    }
    if (over) return;
    let placed: PlacedCall;
    try {
      placed = await request<PlacedCall>('POST', '/calls', {});
    } catch (error) {
      return finish(T.ended, error instanceof ApiError && error.reason === 'call_in_progress' ? T.busy : T.failed);
    }
    contactId = placed.contactId;
    window.addEventListener('pagehide', onLeave);
    apply(placed);
    // The page's heartbeat: the server ends a call whose page stops beating (the tab killed, the network gone). Its
    // answer is the call now, so it also refreshes the estimate and covers a socket that is down.
    poller = setInterval(() => void request<WidgetCallView>('POST', `/calls/${contactId}/heartbeat`).then(apply, () => undefined), placed.heartbeatSeconds * 1000);
    try {
      audio = await joinCallAudio(placed.ticket, { microphone: mic, baseUrl: host.base });
      if (over) await audio.leave();
      else audio.setMuted(mute.getAttribute('aria-pressed') === 'true');
    } catch {
      // The call stays queued (the agent can still answer and hang up); the visitor is told there is no sound.
      if (!over) {
        warn.textContent = T.noAudio;
        warn.hidden = false;
      }
    }
  })();

  return { push: apply, hangUp };
}

declare global {
  interface Window {
    __ccWidgetCall?: { start: typeof start };
  }
}
window.__ccWidgetCall = { start };
