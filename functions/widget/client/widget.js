// The web chat widget: `<script src="https://<api>/widget.js" data-channel="<channelId>" async></script>`.
// Self-contained (no framework), everything in a Shadow DOM so neither the page's styles nor ours leak.
// Talks to `<api>/widget/<channelId>/…` (see functions/http/routes/widget.ts) and to the WebSocket the
// session names. Russian first; English when the page (or, without a page language, the browser) is English.
// Edit here, then run `node scripts/build-widget.mjs` (it minifies this into widget-script.generated.ts).
/* global FormData */
(() => {
  const script = document.currentScript;
  if (!script || window.__ccWidget) return;
  window.__ccWidget = true;
  const channel = script.dataset.channel;
  // The API is where the script came from, unless the page says otherwise (the script served by a CDN).
  const base = (script.dataset.api || script.src.replace(/\/widget\.js(?:[?#].*)?$/, '')).replace(/\/$/, '');
  const pageLang = script.dataset.lang || document.documentElement.lang || navigator.language || 'ru';
  const lang = /^en/i.test(pageLang) ? 'en' : 'ru';
  const T = {
    ru: {
      title: 'Чат с нами', open: 'Открыть чат', close: 'Свернуть', online: 'Мы на связи', offline: 'Сейчас никого нет',
      intro: 'Представьтесь, пожалуйста, — и мы ответим прямо здесь.', name: 'Имя', phone: 'Телефон', email: 'E-mail',
      dept: 'Отдел', start: 'Начать чат', contact: 'Укажите телефон или e-mail', required: 'Заполните поле',
      badPhone: 'Номер вида +7 900 123-45-67', badEmail: 'Проверьте e-mail', placeholder: 'Напишите сообщение…', send: 'Отправить',
      callMe: 'Перезвоните мне', when: 'Когда удобно', asap: 'Как можно скорее', in1h: 'Через час', evening: 'Сегодня 18:00–21:00',
      tomorrow: 'Завтра 10:00–13:00', note: 'Комментарий', order: 'Заказать звонок', back: 'Назад',
      callbackOk: 'Мы перезвоним вам на ', offlineIntro: 'Сейчас никого нет на месте. Оставьте сообщение или номер — мы ответим, как только начнём работу.',
      message: 'Сообщение', thanks: 'Спасибо! Мы получили ваше обращение и скоро ответим.', connecting: 'Подключаем оператора…',
      connected: ' на связи', ended: 'Диалог завершён. Если остались вопросы — напишите.', typing: ' печатает…', agent: 'Оператор',
      waiting: 'Ждём оператора…', failed: 'Не отправлено. Нажмите, чтобы повторить.', empty: 'Напишите нам — оператор ответит здесь.',
      unavailable: 'Чат сейчас недоступен.', call: 'Позвонить нам',
    },
    en: {
      title: 'Chat with us', open: 'Open chat', close: 'Minimise', online: 'We are online', offline: 'We are away',
      intro: 'Tell us who you are and we will answer right here.', name: 'Name', phone: 'Phone', email: 'E-mail',
      dept: 'Department', start: 'Start chat', contact: 'Enter a phone or an e-mail', required: 'Required',
      badPhone: 'A number like +7 900 123-45-67', badEmail: 'Check the e-mail', placeholder: 'Type a message…', send: 'Send',
      callMe: 'Call me back', when: 'When', asap: 'As soon as possible', in1h: 'In an hour', evening: 'Today 6–9 pm',
      tomorrow: 'Tomorrow 10 am–1 pm', note: 'Note', order: 'Request a call', back: 'Back',
      callbackOk: 'We will call you at ', offlineIntro: 'Nobody is here right now. Leave a message or your number and we will get back to you as soon as we are in.',
      message: 'Message', thanks: 'Thank you! We have got your request and will answer soon.', connecting: 'Connecting you to an agent…',
      connected: ' has joined', ended: 'The chat has ended. Write again if you need anything.', typing: ' is typing…', agent: 'Agent',
      waiting: 'Waiting for an agent…', failed: 'Not sent. Tap to retry.', empty: 'Send us a message — an agent will answer here.',
      unavailable: 'The chat is unavailable right now.', call: 'Call us',
    },
  }[lang];

  const CSS = `:host{all:initial}*{box-sizing:border-box;font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
.launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;background:var(--cc,#2563eb);color:#fff;cursor:pointer;box-shadow:0 4px 16px #0004;z-index:2147483000;display:grid;place-items:center}
.launcher svg{width:28px;height:28px;fill:currentColor}.badge{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;border-radius:10px;background:#dc2626;font-size:12px;line-height:20px;text-align:center;padding:0 5px}
.panel{position:fixed;right:20px;bottom:88px;width:370px;height:min(600px,calc(100vh - 110px));background:#fff;color:#111827;border-radius:14px;box-shadow:0 10px 40px #0005;display:flex;flex-direction:column;overflow:hidden;z-index:2147483001}
.panel[hidden],[hidden]{display:none!important}@media(max-width:480px){.panel{inset:0;width:auto;height:auto;border-radius:0}}
header{background:var(--cc,#2563eb);color:#fff;padding:12px 14px;display:flex;align-items:center;gap:10px}header b{font-size:16px;display:block}header small{opacity:.85}
header button{margin-left:auto;background:none;border:0;color:#fff;font-size:22px;cursor:pointer;line-height:1}header .call{padding:0;display:grid}header .call svg{width:22px;height:22px;fill:currentColor}header .call+button{margin-left:12px}header .call:disabled{opacity:.5}
.body{flex:1;overflow-y:auto;padding:14px;background:#f3f4f6;display:flex;flex-direction:column;gap:8px}
form{display:flex;flex-direction:column;gap:10px}label{display:flex;flex-direction:column;gap:4px;font-size:13px;color:#374151}
input,select,textarea{border:1px solid #d1d5db;border-radius:8px;padding:9px 10px;background:#fff;color:#111827;width:100%}textarea{resize:vertical;min-height:70px}
.check{flex-direction:row;align-items:center;gap:8px}.check input{width:auto}
.err{color:#b91c1c;font-size:12px}.btn{background:var(--cc,#2563eb);color:#fff;border:0;border-radius:8px;padding:10px 14px;cursor:pointer;font-weight:600}
.btn:disabled{opacity:.6}.link{background:none;border:0;color:var(--cc,#2563eb);cursor:pointer;padding:4px 0;text-decoration:underline;align-self:flex-start}
.note{color:#4b5563;text-align:center;font-size:13px;padding:4px 8px}.banner{background:#eef2ff;color:#1e3a8a;border-radius:8px;padding:8px 10px;text-align:center;font-size:13px}
.msg{max-width:80%;padding:8px 11px;border-radius:12px;background:#fff;align-self:flex-start;white-space:pre-wrap;word-wrap:break-word;box-shadow:0 1px 1px #0001}
.msg.visitor{align-self:flex-end;background:var(--cc,#2563eb);color:#fff}.msg.system{background:#fefce8}.msg.failed{background:#fee2e2;color:#7f1d1d;cursor:pointer}
.msg .file{display:block;color:inherit;margin-top:4px}.msg img{display:block;max-width:100%;max-height:220px;border-radius:8px}
.msg time{display:block;font-size:11px;opacity:.7;text-align:right;margin-top:2px}.choices{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
.choices button{border:1px solid var(--cc,#2563eb);color:var(--cc,#2563eb);background:#fff;border-radius:14px;padding:4px 10px;cursor:pointer}
.rating{flex-wrap:nowrap;gap:3px}.rating button{flex:1;min-width:0;border-radius:6px;padding:6px 0}.rating button:disabled{opacity:.4;cursor:default}
.typing{font-size:12px;color:#6b7280;padding:0 14px 4px;background:#f3f4f6}.dots span{display:inline-block;width:6px;height:6px;margin-right:3px;border-radius:50%;background:#9ca3af;animation:b 1s infinite}
.dots span:nth-child(2){animation-delay:.2s}.dots span:nth-child(3){animation-delay:.4s}@keyframes b{50%{transform:translateY(-4px)}}
.composer{display:flex;gap:8px;padding:10px;border-top:1px solid #e5e7eb;background:#fff}.composer textarea{min-height:40px;max-height:120px;flex:1}`;

  // ---- DOM helpers -------------------------------------------------------------------------------
  const h = (tag, props, ...children) => {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === false) continue;
      if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else if (key === 'text') el.textContent = value;
      else el.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) if (child) el.append(child);
    return el;
  };
  const icon = (path) => {
    const wrap = h('span');
    wrap.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${path}"/></svg>`;
    return wrap.firstChild;
  };
  const PHONE_ICON = 'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.6a1 1 0 0 1-.25 1z';
  const CHAT_ICON = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2zm3 6h10v2H7zm0-4h10v2H7zm0 8h6v2H7z';
  const timeOf = (iso) => new Date(iso).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'ru-RU', { hour: '2-digit', minute: '2-digit' });
  const uid = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 10);

  // ---- State ---------------------------------------------------------------------------------------
  const storeKey = `cc-widget:${channel}`;
  const load = () => {
    try {
      return JSON.parse(localStorage.getItem(storeKey) || '{}');
    } catch {
      return {};
    }
  };
  let saved = load();
  const save = (patch) => {
    saved = { ...saved, ...patch };
    try {
      localStorage.setItem(storeKey, JSON.stringify(saved));
    } catch {
      /* private mode: the session lasts as long as the page */
    }
  };
  let status;
  let socket;
  let socketTries = 0;
  let pinger;
  let poller;
  let typingSentAt = 0;
  let typingTimer;
  let stateVersion = -1;
  let stateContact;
  let unread = 0;
  let ready;
  let call;
  const bubbles = new Map();

  // ---- API -----------------------------------------------------------------------------------------
  const api = async (method, path, body, retried) => {
    const res = await fetch(`${base}/widget/${encodeURIComponent(channel)}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(saved.token && { authorization: `Bearer ${saved.token}` }) },
      ...(body && { body: JSON.stringify(body) }),
    });
    if (res.status === 401 && saved.token && !retried && path !== '/sessions') {
      await startSession();
      return api(method, path, body, true);
    }
    const data = res.status === 204 ? {} : await res.json().catch(() => ({}));
    if (!res.ok) throw Object.assign(new Error(data.detail || res.statusText), { status: res.status, data });
    return data;
  };
  const startSession = async () => {
    const session = await api('POST', '/sessions', saved.token ? { token: saved.token } : {});
    if (session.conversationId !== saved.conversationId) save({ started: false });
    save({ token: session.token, expiresAt: session.expiresAt, conversationId: session.conversationId, wsUrl: session.wsUrl });
  };
  const conv = (path = '') => `/conversations/${saved.conversationId}${path}`;

  // ---- Shell ---------------------------------------------------------------------------------------
  const host = h('div', { 'data-cc-widget': channel });
  const root = host.attachShadow({ mode: 'open' });
  if (script.dataset.color) host.style.setProperty('--cc', script.dataset.color);
  const badge = h('span', { class: 'badge', hidden: true });
  const launcher = h('button', { class: 'launcher', 'aria-label': T.open, title: T.open, onclick: () => toggle() }, icon(CHAT_ICON), badge);
  const subtitle = h('small');
  const body = h('div', { class: 'body', 'aria-live': 'polite' });
  const typingLine = h('div', { class: 'typing', hidden: true });
  const footer = h('div');
  // Calls from the site: the call script (audio and its UI) loads only when pressed.
  const callButton = h('button', { class: 'call', 'aria-label': T.call, title: T.call, hidden: true, onclick: () => startCall() }, icon(PHONE_ICON));
  const panel = h(
    'section',
    { class: 'panel', role: 'dialog', 'aria-label': T.title, hidden: true, onkeydown: (e) => e.key === 'Escape' && toggle(false) },
    h('header', {}, h('div', {}, h('b', { text: T.title }), subtitle), callButton, h('button', { 'aria-label': T.close, title: T.close, onclick: () => toggle(false), text: '×' })),
    body,
    typingLine,
    footer,
  );
  root.append(h('style', { text: CSS }), panel, launcher);
  (document.body || document.documentElement).append(host);

  const setUnread = (n) => {
    unread = n;
    badge.textContent = String(n);
    badge.hidden = n === 0;
  };
  const toggle = (open = panel.hidden) => {
    panel.hidden = !open;
    if (!open) return launcher.focus();
    setUnread(0);
    (ready ||= init()).then(() => {
      markRead();
      const first = panel.querySelector('input,textarea');
      if (first) first.focus();
    });
  };
  const show = (...nodes) => {
    body.replaceChildren(...nodes);
    footer.replaceChildren();
    typingLine.hidden = true;
  };

  // ---- Forms ---------------------------------------------------------------------------------------
  const field = (name, label, input) => h('label', {}, label, input, h('span', { class: 'err', 'data-err': name }));
  const departmentField = () => {
    const list = status.online ? status.departments.filter((d) => d.online) : status.departments;
    if (list.length < 2) return list[0] ? h('input', { type: 'hidden', name: 'queueId', value: list[0].queueId }) : undefined;
    return field('queueId', T.dept, h('select', { name: 'queueId' }, list.map((d) => h('option', { value: d.queueId, text: d.title }))));
  };
  const whenOptions = () => {
    const now = new Date();
    const at = (days, hour) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, hour).toISOString();
    const choices = [['', T.asap], [`${new Date(now.getTime() + 3600e3).toISOString()}|${new Date(now.getTime() + 7200e3).toISOString()}`, T.in1h]];
    if (now.getHours() < 18) choices.push([`${at(0, 18)}|${at(0, 21)}`, T.evening]);
    choices.push([`${at(1, 10)}|${at(1, 13)}`, T.tomorrow]);
    return h('select', { name: 'when' }, choices.map(([value, text]) => h('option', { value, text })));
  };
  const valuesOf = (form) => Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]).filter(([, v]) => v));
  const showErrors = (form, errors) => {
    for (const el of form.querySelectorAll('[data-err]')) el.textContent = errors[el.dataset.err] || '';
    return Object.keys(errors).length === 0;
  };
  /** Server field errors (a 400 problem) shown in the visitor's language. */
  const serverErrors = (error) => {
    const out = {};
    for (const issue of error.data?.errors || []) {
      const name = issue.path.split('.')[0] || 'form';
      out[name] = name === 'phone' ? T.badPhone : name === 'email' ? T.badEmail : T.required;
    }
    if (!Object.keys(out).length) out.form = T.unavailable;
    return out;
  };
  const checkIdentity = (v, needContact = true) => {
    const errors = {};
    if (!v.name) errors.name = T.required;
    if (needContact && !v.phone && !v.email) errors.phone = T.contact;
    if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) errors.email = T.badEmail;
    return errors;
  };
  const submitting = (form, work) => async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await work(valuesOf(form));
    } catch (error) {
      showErrors(form, serverErrors(error));
    } finally {
      button.disabled = false;
    }
  };
  const prechat = async (v) => {
    await api('POST', '/prechat', { name: v.name, ...(v.phone && { phone: v.phone }), ...(v.email && { email: v.email }), ...(v.queueId && { queueId: v.queueId }), locale: lang });
    save({ started: true, profile: { name: v.name, phone: v.phone, email: v.email } });
  };
  const callback = async (v) => {
    const [notBefore, notAfter] = (v.when || '').split('|');
    await api('POST', '/callbacks', { requestId: uid(), phone: v.phone, ...(v.name && { name: v.name }), ...(v.queueId && { queueId: v.queueId }), ...(notBefore && { notBefore, notAfter }), ...(v.note && { note: v.note }) });
  };
  const profile = () => saved.profile || {};

  const showPrechat = () => {
    const p = profile();
    const form = h(
      'form',
      { novalidate: true },
      h('p', { class: 'note', text: T.intro }),
      field('name', T.name, h('input', { name: 'name', autocomplete: 'name', value: p.name, maxlength: 100 })),
      field('phone', T.phone, h('input', { name: 'phone', type: 'tel', autocomplete: 'tel', value: p.phone })),
      field('email', T.email, h('input', { name: 'email', type: 'email', autocomplete: 'email', value: p.email })),
      departmentField(),
      h('span', { class: 'err', 'data-err': 'form' }),
      h('button', { class: 'btn', type: 'submit', text: T.start }),
    );
    form.addEventListener(
      'submit',
      submitting(form, async (v) => {
        if (!showErrors(form, checkIdentity(v))) return;
        await prechat(v);
        await showChat();
      }),
    );
    show(form);
  };

  const showOffline = () => {
    const p = profile();
    const form = h(
      'form',
      { novalidate: true },
      h('p', { class: 'note', text: T.offlineIntro }),
      field('name', T.name, h('input', { name: 'name', autocomplete: 'name', value: p.name })),
      field('phone', T.phone, h('input', { name: 'phone', type: 'tel', autocomplete: 'tel', value: p.phone })),
      field('email', T.email, h('input', { name: 'email', type: 'email', autocomplete: 'email', value: p.email })),
      departmentField(),
      field('text', T.message, h('textarea', { name: 'text', maxlength: 4096 })),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'callMe', value: 'yes' }), T.callMe),
      field('when', T.when, whenOptions()),
      h('span', { class: 'err', 'data-err': 'form' }),
      h('button', { class: 'btn', type: 'submit', text: T.send }),
    );
    form.addEventListener(
      'submit',
      submitting(form, async (v) => {
        const errors = checkIdentity(v);
        if (!v.text && !v.callMe) errors.text = T.required;
        if (v.callMe && !v.phone) errors.phone = T.badPhone;
        if (!showErrors(form, errors)) return;
        await prechat(v);
        if (v.text) await api('POST', conv('/messages'), { clientMessageId: uid(), text: v.text });
        if (v.callMe) await callback(v);
        show(h('p', { class: 'banner', text: T.thanks }), v.callMe ? h('p', { class: 'note', text: T.callbackOk + v.phone }) : undefined);
      }),
    );
    show(form);
  };

  const showCallback = () => {
    const form = h(
      'form',
      { novalidate: true },
      field('phone', T.phone, h('input', { name: 'phone', type: 'tel', autocomplete: 'tel', value: profile().phone })),
      field('when', T.when, whenOptions()),
      field('note', T.note, h('input', { name: 'note', maxlength: 500 })),
      h('input', { type: 'hidden', name: 'name', value: profile().name }),
      h('span', { class: 'err', 'data-err': 'form' }),
      h('button', { class: 'btn', type: 'submit', text: T.order }),
      h('button', { class: 'link', type: 'button', text: T.back, onclick: () => showChat() }),
    );
    form.addEventListener(
      'submit',
      submitting(form, async (v) => {
        if (!showErrors(form, v.phone ? {} : { phone: T.badPhone })) return;
        await callback(v);
        await showChat();
        note(T.callbackOk + v.phone);
      }),
    );
    show(h('p', { class: 'note', text: T.callMe }), form);
  };

  // ---- Chat ----------------------------------------------------------------------------------------
  const banner = h('div', { class: 'banner', hidden: true });
  const list = h('div', { style: 'display:flex;flex-direction:column;gap:8px' });
  const note = (text) => list.append(h('p', { class: 'note', text }));
  const scroll = () => (body.scrollTop = body.scrollHeight);

  const rated = new Set();
  const render = (m) => {
    const old = bubbles.get(m.messageId);
    if (old && old.version > m.version) return;
    const el = h(
      'div',
      { class: `msg ${m.from}${m.status === 'failed' && m.from === 'visitor' ? ' failed' : ''}`, 'data-id': m.messageId },
      m.text,
      // An agent's file: an image shown in place, anything else a link (both short-lived signed links, no token needed).
      m.file && h('a', { href: m.file.url, target: '_blank', rel: 'noopener', class: 'file' }, m.file.image ? h('img', { src: m.file.url, alt: m.file.name }) : `📎 ${m.file.name}`),
      // A survey's answers are a rating card: one row of numbers, pressed once (the first answer counts), kept so on re-render.
      m.buttons && h('div', { class: /^survey:/.test(m.buttons[0].payload) ? 'choices rating' : 'choices' }, m.buttons.map((b) => h('button', { type: 'button', text: b.title, disabled: rated.has(m.messageId), onclick: () => (/^survey:/.test(b.payload) && rated.add(m.messageId) && render(m), send(undefined, b)) }))),
      h('time', { text: `${timeOf(m.sentAt)}${m.from === 'visitor' ? (m.status === 'pending' ? ' ◷' : m.status === 'failed' ? '' : ' ✓') : ''}` }),
    );
    if (m.status === 'failed' && m.retry) el.addEventListener('click', m.retry, { once: true });
    if (old) old.el.replaceWith(el);
    else list.append(el);
    bubbles.set(m.messageId, { version: m.version, el, from: m.from, read: old?.read });
    list.querySelector('.note.empty')?.remove();
    scroll();
  };

  const applyState = (state) => {
    if (state.contactId === stateContact && state.version < stateVersion) return;
    stateContact = state.contactId;
    stateVersion = state.version;
    const text =
      state.status === 'waiting' ? state.position?.text[lang] || T.waiting
      : state.status === 'connecting' ? T.connecting
      : state.status === 'connected' ? (state.agentName || T.agent) + T.connected
      : state.status === 'ended' ? T.ended
      : '';
    banner.textContent = text;
    banner.hidden = !text;
    clearInterval(poller);
    // Estimates move with agents too: refresh while waiting (pushes cover everything else).
    if (state.status === 'waiting') poller = setInterval(() => api('GET', conv()).then(applyState, () => undefined), 30e3);
  };

  const receipts = (status, ids) => ids.length && api('POST', conv('/receipts'), { messageIds: ids, status }).catch(() => undefined);
  const markRead = () => {
    if (panel.hidden || document.hidden) return;
    const ids = [];
    for (const [id, b] of bubbles) {
      if (b.from === 'visitor' || b.read) continue;
      b.read = true;
      ids.push(id);
    }
    receipts('read', ids);
  };
  document.addEventListener('visibilitychange', markRead);

  const send = async (text, button, clientMessageId = uid()) => {
    const local = { messageId: `local-${clientMessageId}`, from: 'visitor', text: text ?? button.title, sentAt: new Date().toISOString(), status: 'pending', version: 0 };
    render(local);
    try {
      const { messageId } = await api('POST', conv('/messages'), { clientMessageId, ...(text ? { text } : { button }) });
      // From now on under the id the server stores it with, so history and pushes replace this bubble.
      bubbles.set(messageId, bubbles.get(local.messageId));
      bubbles.delete(local.messageId);
      render({ ...local, messageId, status: 'sent' });
    } catch (error) {
      if (error.status === 409) return showPrechat();
      const retry = () => (bubbles.get(local.messageId).el.remove(), bubbles.delete(local.messageId), send(text, button, clientMessageId));
      render({ ...local, status: 'failed', version: 1, text: `${local.text}\n${T.failed}`, retry });
    }
  };

  const showChat = async () => {
    const input = h('textarea', { rows: 1, placeholder: T.placeholder, 'aria-label': T.placeholder, maxlength: 4096 });
    const submit = () => {
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      send(text);
    };
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.shiftKey) return;
      e.preventDefault();
      submit();
    });
    input.addEventListener('input', () => {
      if (Date.now() - typingSentAt < 3000 || !input.value) return;
      typingSentAt = Date.now();
      api('POST', conv('/typing')).catch(() => undefined);
    });
    list.replaceChildren(h('p', { class: 'note empty', text: T.empty }));
    bubbles.clear();
    show(banner, list, h('button', { class: 'link', type: 'button', text: T.callMe, onclick: showCallback }));
    footer.replaceChildren(h('div', { class: 'composer' }, input, h('button', { class: 'btn', type: 'button', text: T.send, onclick: submit })));
    const [history, state] = await Promise.all([api('GET', conv('/messages')), api('GET', conv())]);
    for (const m of history.messages) render(m);
    applyState(state);
    connect();
    receipts('delivered', history.messages.filter((m) => m.from !== 'visitor' && m.status === 'sent').map((m) => m.messageId));
    markRead();
    input.focus();
  };

  // ---- Call --------------------------------------------------------------------------------------
  const callScript = () =>
    window.__ccWidgetCall ||
    new Promise((resolve, reject) => document.head.append(h('script', { type: 'module', src: status.callScriptUrl, onload: () => resolve(window.__ccWidgetCall), onerror: reject })));
  const startCall = async () => {
    if (call) return;
    callButton.disabled = true;
    try {
      const lib = await callScript();
      connect();
      call = lib.start({ base, channel, lang, token: () => saved.token, renew: startSession, show, done: () => ((call = undefined), (callButton.disabled = false), home()) });
    } catch {
      callButton.disabled = false;
      show(h('p', { class: 'note', text: T.unavailable }));
    }
  };

  // ---- Live ----------------------------------------------------------------------------------------
  const onLive = (frame) => {
    if (frame.type === 'widget.message') {
      const m = frame.message;
      if (m.from === 'visitor') return;
      const fresh = !bubbles.has(m.messageId);
      render(m);
      if (fresh) {
        typingLine.hidden = true;
        if (panel.hidden || document.hidden) {
          if (panel.hidden) setUnread(unread + 1);
          receipts('delivered', [m.messageId]);
        } else markRead();
      }
    } else if (frame.type === 'widget.state') applyState(frame.state);
    else if (frame.type === 'widget.call') call?.push(frame.call);
    else if (frame.type === 'typing' && frame.from === 'agent') {
      typingLine.replaceChildren(h('span', { class: 'dots' }, h('span'), h('span'), h('span')), (frame.name || T.agent) + T.typing);
      typingLine.hidden = false;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => (typingLine.hidden = true), 5000);
    }
  };

  const connect = () => {
    if (socket || !saved.wsUrl) return;
    const ws = (socket = new WebSocket(`${saved.wsUrl}${saved.wsUrl.includes('?') ? '&' : '?'}token=${encodeURIComponent(saved.token)}`));
    ws.onopen = () => {
      socketTries = 0;
      pinger = setInterval(() => ws.send('{"action":"ping"}'), 30e3);
    };
    ws.onmessage = (event) => {
      try {
        onLive(JSON.parse(event.data));
      } catch {
        /* not ours */
      }
    };
    ws.onclose = () => {
      clearInterval(pinger);
      socket = undefined;
      // Back with fresh state and whatever was missed: a new token if needed, then history and state.
      setTimeout(async () => {
        try {
          if (Date.parse(saved.expiresAt) - Date.now() < 120e3) await startSession();
          const [history, state] = await Promise.all([api('GET', conv('/messages')), api('GET', conv())]);
          for (const m of history.messages) render(m);
          applyState(state);
        } catch {
          /* offline: the next close retries */
        }
        connect();
      }, Math.min(30e3, 1000 * 2 ** socketTries++));
    };
  };

  const init = async () => {
    subtitle.textContent = '';
    try {
      [status] = await Promise.all([api('GET', '/status'), startSession()]);
    } catch {
      show(h('p', { class: 'note', text: T.unavailable }));
      return;
    }
    subtitle.textContent = status.online ? T.online : T.offline;
    callButton.hidden = !(status.online && status.callScriptUrl);
    return home();
  };
  const home = () => (saved.started ? showChat().catch(() => showPrechat()) : status.online ? showPrechat() : showOffline());

  // A returning visitor with a conversation is connected at once, so replies raise the badge.
  if (saved.started && saved.token) ready = init();
})();
