// The simulator page: pick a channel and a customer, type as the customer, watch the agents'
// replies arrive with their delivery ticks. Talks only to /simulator/api (see ../http.ts).

const TEXT = {
  ru: {
    title: 'Симулятор мессенджеров',
    subtitle: 'Играйте клиента: сообщения уходят в контакт-центр подписанными вебхуками, ответы операторов приходят сюда.',
    channels: 'Каналы', customer: 'Клиент', persona: 'Кто пишет', newPersona: 'Новый клиент: имя', add: 'Добавить',
    provider: 'Провайдер', start: 'Открыть чат (/start)', forge: 'Подделать следующий вебхук', forgeOn: 'Следующий вебхук будет поддельным',
    fail429: 'Следующая отправка: 429', failBlocked: 'Следующая отправка: заблокирован', failClear: 'Сбросить сбои', handshake: 'Проверить вебхук (handshake)',
    webhook: 'Вебхук', customerId: 'ID клиента', calls: 'Вызовы API провайдера', typeHere: 'Сообщение', send: 'Отправить',
    attach: 'Отправить файл (текст в поле станет подписью)', noFiles: 'Пользователи Алисы не отправляют файлы', tooBig: 'Файл больше 25 МБ',
    noChannels: 'Нет каналов: запустите контакт-центр с демо-данными или подключите канал в консоли.',
    pending: 'Ожидают сбоя', none: 'сбоев не запланировано',
    accepted: 'принято контакт-центром', rejected: 'отклонено', forged: 'поддельный', network: 'нет соединения',
    sent: 'отправлено', delivered: 'доставлено', read: 'прочитано', answered: 'нажатие подтверждено', unanswered: 'ждёт answerCallbackQuery',
    registered: 'зарегистрирован', byDefault: 'по умолчанию', empty: 'Напишите первое сообщение — оно придёт в контакт-центр как от клиента.',
    handshakeOk: 'Проверка пройдена', handshakeFail: 'Проверка не пройдена', noHandshake: 'У этого провайдера нет проверки вебхука',
    online: 'в сети', skill: 'навык', unsigned: 'секреты канала не расшифрованы',
    kinds: { telegram: 'Telegram', whatsapp: 'WhatsApp', vk: 'ВКонтакте', viber: 'Viber', yandex: 'Алиса' },
    modes: { rate_limit: '429 / лимит', blocked: 'заблокирован', server_error: 'ошибка сервера' },
  },
  en: {
    title: 'Messenger simulator',
    subtitle: 'Play the customer: messages reach the contact center as signed webhooks, agents\u2019 replies arrive here.',
    channels: 'Channels', customer: 'Customer', persona: 'Who is writing', newPersona: 'New customer: name', add: 'Add',
    provider: 'Provider', start: 'Open chat (/start)', forge: 'Forge the next webhook', forgeOn: 'The next webhook will be forged',
    fail429: 'Next send: 429', failBlocked: 'Next send: blocked', failClear: 'Clear failures', handshake: 'Check webhook (handshake)',
    webhook: 'Webhook', customerId: 'Customer id', calls: 'Provider API calls', typeHere: 'Message', send: 'Send',
    attach: 'Send a file (the text in the box becomes its caption)', noFiles: 'Alice users send no files', tooBig: 'The file is over 25 MB',
    noChannels: 'No channels: start the contact center with its demo data or connect a channel in the console.',
    pending: 'Pending failures', none: 'no failures scheduled',
    accepted: 'accepted by the contact center', rejected: 'rejected', forged: 'forged', network: 'no connection',
    sent: 'sent', delivered: 'delivered', read: 'read', answered: 'press acknowledged', unanswered: 'awaiting answerCallbackQuery',
    registered: 'registered', byDefault: 'default', empty: 'Write the first message: it reaches the contact center as the customer\u2019s.',
    handshakeOk: 'Check passed', handshakeFail: 'Check failed', noHandshake: 'This provider has no webhook check',
    online: 'online', skill: 'skill', unsigned: 'channel secrets could not be decrypted',
    kinds: { telegram: 'Telegram', whatsapp: 'WhatsApp', vk: 'VK', viber: 'Viber', yandex: 'Alice' },
    modes: { rate_limit: '429 / rate limit', blocked: 'blocked', server_error: 'server error' },
  },
};

const $ = (id) => document.getElementById(id);
const state = {
  lang: localStorage.getItem('simulator.lang') === 'en' ? 'en' : 'ru',
  channels: [],
  personas: [],
  channelId: localStorage.getItem('simulator.channel') || '',
  personaId: localStorage.getItem('simulator.persona') || 'anna',
  rev: 0,
  entries: new Map(),
  forge: false,
  reading: false,
};
const t = (key) => TEXT[state.lang][key] ?? key;

async function api(path, init) {
  const response = await fetch(`/simulator/api${path}`, { headers: { 'content-type': 'application/json' }, ...init });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `HTTP ${response.status}`);
  return body;
}
const post = (path, body) => api(path, { method: 'POST', body: JSON.stringify(body ?? {}) });

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const currentChannel = () => state.channels.find((c) => c.channelId === state.channelId);
const currentPersona = () => state.personas.find((p) => p.id === state.personaId);
const personaLabel = (p) => [p.firstName, p.lastName].filter(Boolean).join(' ');
const time = (iso) => new Intl.DateTimeFormat(state.lang === 'en' ? 'en-GB' : 'ru-RU', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

// ───── static texts ─────
function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
  for (const node of document.querySelectorAll('[data-i18n-aria]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nAria));
    if (node.hasAttribute('title')) node.setAttribute('title', t(node.dataset.i18nAria));
  }
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
  $('forge').textContent = state.forge ? t('forgeOn') : t('forge');
  renderChannels();
  renderPersonas();
  renderSide();
  renderChat();
}

// ───── channels and personas ─────
function renderChannels() {
  const list = $('channels');
  list.replaceChildren();
  if (state.channels.length === 0) {
    list.append(el('li', { class: 'note' }, t('noChannels')));
    return;
  }
  for (const channel of state.channels) {
    const selected = channel.channelId === state.channelId;
    list.append(
      el('li', {},
        el('button', { type: 'button', class: `channel kind-${channel.kind}`, 'aria-pressed': String(selected), onclick: () => selectChannel(channel.channelId) },
          el('span', { class: 'badge', 'aria-hidden': 'true' }, channel.kind.slice(0, 2).toUpperCase()),
          el('span', { class: 'channel-text' }, el('strong', {}, t('kinds')[channel.kind] ?? channel.kind), el('small', {}, channel.name)),
        ),
      ),
    );
  }
}

function renderPersonas() {
  const select = $('persona');
  select.replaceChildren(...state.personas.map((p) => el('option', { value: p.id, selected: p.id === state.personaId }, personaLabel(p))));
}

function renderSide() {
  const channel = currentChannel();
  const kinds = t('kinds');
  $('webhook-url').textContent = channel ? `${channel.webhookUrl} (${channel.registered ? t('registered') : t('byDefault')})` : '—';
  $('start').disabled = !channel || channel.kind === 'whatsapp';
  $('attach').disabled = !channel || channel.kind === 'yandex';
  $('attach').title = channel?.kind === 'yandex' ? t('noFiles') : t('attach');
  $('handshake').disabled = !channel || !['whatsapp', 'vk', 'viber'].includes(channel.kind);
  for (const id of ['fail-429', 'fail-blocked', 'fail-clear']) $(id).disabled = !channel || channel.kind === 'yandex';
  const failures = channel?.failures ?? [];
  $('failures').textContent = channel && !channel.canSign ? t('unsigned') : failures.length ? `${t('pending')}: ${failures.map((f) => `${t('modes')[f.mode]} ×${f.remaining}`).join(', ')}` : t('none');
  const phone = $('phone');
  phone.dataset.kind = channel?.kind ?? 'telegram';
  const persona = currentPersona();
  $('chat-title').textContent = channel ? channel.name : '—';
  $('chat-sub').textContent = channel ? `${kinds[channel.kind]} · ${channel.kind === 'yandex' ? t('skill') : t('online')}${persona ? ` · ${personaLabel(persona)}` : ''}` : '';
  $('chat-avatar').textContent = channel ? channel.name.replace(/^[^\p{L}]*/u, '').slice(0, 1).toUpperCase() : '';
}

async function loadState() {
  const data = await api('/state');
  state.channels = data.channels;
  state.personas = data.personas;
  if (!state.channels.some((c) => c.channelId === state.channelId)) state.channelId = state.channels[0]?.channelId ?? '';
  if (!state.personas.some((p) => p.id === state.personaId)) state.personaId = state.personas[0]?.id ?? '';
  renderChannels();
  renderPersonas();
  renderSide();
}

function selectChannel(channelId) {
  state.channelId = channelId;
  localStorage.setItem('simulator.channel', channelId);
  resetChat();
}

function resetChat() {
  state.rev = 0;
  state.entries = new Map();
  renderChannels();
  renderSide();
  renderChat();
  void poll();
}

// ───── the chat ─────
function webhookMark(entry) {
  if (!entry.webhook) return el('span', { class: 'tick pending', title: t('sent') }, '🕓');
  const hook = entry.webhook;
  if (hook.accepted && !hook.forged) return el('span', { class: 'tick ok', title: `${t('accepted')} (HTTP ${hook.status})` }, '✓✓');
  const reason = hook.status === 0 ? t('network') : `HTTP ${hook.status}`;
  return el('span', { class: 'tick bad', title: `${hook.forged ? `${t('forged')}: ` : ''}${hook.accepted ? t('accepted') : t('rejected')} (${reason})` }, `⚠ ${reason}${hook.forged ? ` · ${t('forged')}` : ''}`);
}

function deliveryMark(entry) {
  if (!entry.delivery) return null;
  const marks = { sent: '✓', delivered: '✓✓', read: '✓✓' };
  return el('span', { class: `tick ${entry.delivery}`, title: t(entry.delivery) }, marks[entry.delivery]);
}

function renderChat() {
  const chat = $('chat');
  const entries = [...state.entries.values()].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  const nearBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 80;
  chat.replaceChildren();
  if (entries.length === 0) chat.append(el('li', { class: 'system' }, t('empty')));
  for (const entry of entries) {
    if (entry.from === 'system') {
      chat.append(el('li', { class: `system ${entry.event ?? ''}` }, state.lang === 'en' && entry.textEn ? entry.textEn : entry.text));
      continue;
    }
    const mine = entry.from === 'customer';
    const meta = el('span', { class: 'meta' }, time(entry.at), ' ', mine ? webhookMark(entry) : deliveryMark(entry));
    const extra = [];
    if (mine && entry.answered !== undefined) extra.push(el('span', { class: `press ${entry.answered ? 'ok' : ''}` }, entry.answered ? t('answered') : t('unanswered')));
    const buttons = !mine && entry.buttons?.length
      ? el('div', { class: 'buttons' }, entry.buttons.map((b) => el('button', { type: 'button', onclick: () => press(entry, b) }, b.title)))
      : null;
    const text = state.lang === 'en' && entry.textEn ? entry.textEn : entry.text;
    // A customer's file line reads «📎 name — caption»: with the file shown, only the caption is left.
    const head = entry.file ? `📎 ${entry.file.name}` : '';
    const shown = mine && entry.file ? (text.startsWith(`${head} — `) ? text.slice(head.length + 3) : '') : text;
    chat.append(
      el('li', { class: `bubble ${mine ? 'mine' : 'theirs'}`, 'data-entry': entry.id },
        entry.file ? fileView(entry.file) : null,
        shown ? el('div', { class: 'text' }, shown) : null,
        extra,
        meta,
        buttons,
      ),
    );
  }
  if (nearBottom || entries.length < 3) chat.scrollTop = chat.scrollHeight;
}

/** A file in the chat: an image shown in place, anything else a named link, both opening the simulator's copy. */
function fileView(file) {
  const size = new Intl.NumberFormat(state.lang === 'en' ? 'en-GB' : 'ru-RU', { style: 'unit', unit: file.size >= 1024 * 1024 ? 'megabyte' : 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(file.size / (file.size >= 1024 * 1024 ? 1024 * 1024 : 1024));
  const image = /^image\//.test(file.contentType);
  return el('a', { class: `file ${image ? 'image' : ''}`, href: file.url, target: '_blank', rel: 'noopener', 'data-file': file.name },
    image ? el('img', { src: file.url, alt: file.name }) : el('span', {}, `📎 ${file.name}`),
    el('small', {}, size),
  );
}

async function poll() {
  const channelId = state.channelId;
  const personaId = state.personaId;
  if (!channelId || !personaId) return;
  const data = await api(`/channels/${encodeURIComponent(channelId)}/chats/${encodeURIComponent(personaId)}?since=${state.rev}`);
  if (channelId !== state.channelId || personaId !== state.personaId) return;
  const channel = currentChannel();
  if (channel) {
    const ids = { telegram: data.identity.telegramUserId, whatsapp: `+${data.identity.waId}`, vk: data.identity.vkUserId, viber: data.identity.viberUserId, yandex: data.identity.aliceApplicationId.slice(0, 16) + '…' };
    $('customer-id').textContent = String(ids[channel.kind] ?? '—');
  }
  if (data.entries.length) {
    for (const entry of data.entries) state.entries.set(entry.id, entry);
    state.rev = Math.max(state.rev, ...data.entries.map((e) => e.rev));
    renderChat();
    // Something happened (a switched failure may have been used up): refresh the side panel too.
    void loadState().catch(() => undefined);
  }
  // The customer is looking at the chat: what arrived is now read (WhatsApp read / Viber seen).
  const unread = [...state.entries.values()].some((e) => e.from === 'business' && e.delivery === 'delivered');
  if (unread && document.visibilityState === 'visible' && !state.reading) {
    state.reading = true;
    post(`/channels/${encodeURIComponent(channelId)}/read`, { personaId }).catch(() => undefined).finally(() => (state.reading = false));
  }
}

async function loadCalls() {
  if (!state.channelId || !$('calls').closest('details').open) return;
  const { calls } = await api(`/channels/${encodeURIComponent(state.channelId)}/calls`);
  $('calls').replaceChildren(
    ...calls.slice(-30).reverse().map((call) =>
      el('li', { class: call.status >= 300 || call.failure ? 'bad' : '' },
        el('code', {}, `${call.httpMethod} ${call.path}`), ' → ', el('strong', {}, String(call.status)), call.failure ? ` (${t('modes')[call.failure]})` : '',
        el('pre', {}, JSON.stringify(call.params, null, 1).slice(0, 600)),
      ),
    ),
  );
}

// ───── actions ─────
async function act(fn) {
  try {
    await fn();
  } catch (error) {
    state.entries.set(`e${Number.MAX_SAFE_INTEGER}`, { id: `e${Number.MAX_SAFE_INTEGER}`, from: 'system', text: error.message, at: new Date().toISOString(), rev: 0 });
    renderChat();
  }
  await Promise.all([poll(), loadState()]).catch(() => undefined);
}

function forgeryOnce() {
  if (!state.forge) return {};
  state.forge = false;
  $('forge').setAttribute('aria-pressed', 'false');
  $('forge').textContent = t('forge');
  return { forgery: 'bad-signature' };
}

async function send(text) {
  await post(`/channels/${encodeURIComponent(state.channelId)}/messages`, { personaId: state.personaId, text, ...forgeryOnce() });
}

async function press(entry, button) {
  await act(() => post(`/channels/${encodeURIComponent(state.channelId)}/press`, { personaId: state.personaId, entryId: entry.id, payload: button.payload, ...forgeryOnce() }));
}

$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('text');
  const text = input.value.trim();
  if (!text || !state.channelId) return;
  input.value = '';
  void act(() => send(text));
});
$('attach').addEventListener('click', () => $('file').click());
$('file').addEventListener('change', () => {
  const file = $('file').files?.[0];
  $('file').value = '';
  if (!file || !state.channelId) return;
  const caption = $('text').value.trim();
  void act(async () => {
    if (file.size > 25 * 1024 * 1024) throw new Error(t('tooBig'));
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    await post(`/channels/${encodeURIComponent(state.channelId)}/files`, { personaId: state.personaId, fileName: file.name, contentType: file.type || 'application/octet-stream', dataBase64: window.btoa(binary), ...(caption ? { caption } : {}), ...forgeryOnce() });
    $('text').value = '';
  });
});
$('persona').addEventListener('change', (event) => {
  state.personaId = event.target.value;
  localStorage.setItem('simulator.persona', state.personaId);
  resetChat();
});
$('new-persona').addEventListener('submit', (event) => {
  event.preventDefault();
  const name = $('new-persona-name').value.trim();
  if (!name) return;
  const id = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30) || `c${Date.now().toString(36)}`;
  void act(async () => {
    const persona = await post('/personas', { id, name });
    $('new-persona-name').value = '';
    state.personaId = persona.id;
    localStorage.setItem('simulator.persona', persona.id);
    await loadState();
    resetChat();
  });
});
$('start').addEventListener('click', () => act(() => post(`/channels/${encodeURIComponent(state.channelId)}/start`, { personaId: state.personaId, ...forgeryOnce() })));
$('forge').addEventListener('click', () => {
  state.forge = !state.forge;
  $('forge').setAttribute('aria-pressed', String(state.forge));
  $('forge').textContent = state.forge ? t('forgeOn') : t('forge');
});
$('fail-429').addEventListener('click', () => act(() => post(`/channels/${encodeURIComponent(state.channelId)}/failures`, { mode: 'rate_limit', retryAfterSeconds: 2, personaId: state.personaId })));
$('fail-blocked').addEventListener('click', () => act(() => post(`/channels/${encodeURIComponent(state.channelId)}/failures`, { mode: 'blocked', personaId: state.personaId })));
$('fail-clear').addEventListener('click', () => act(() => api(`/channels/${encodeURIComponent(state.channelId)}/failures`, { method: 'DELETE' })));
$('handshake').addEventListener('click', () => act(() => post(`/channels/${encodeURIComponent(state.channelId)}/handshake`)));
$('calls').closest('details').addEventListener('toggle', () => void loadCalls().catch(() => undefined));
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    state.lang = button.dataset.lang;
    localStorage.setItem('simulator.lang', state.lang);
    applyLanguage();
  });
}

// ───── start ─────
applyLanguage();
await loadState().catch(() => undefined);
resetChat();
setInterval(() => void poll().catch(() => undefined), 700);
setInterval(() => void loadState().catch(() => undefined), 4000);
setInterval(() => void loadCalls().catch(() => undefined), 2000);
