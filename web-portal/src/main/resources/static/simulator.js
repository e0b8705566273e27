/*
 * SHISHA chat simulator: chat with the bot as any phone number, without Twilio.
 *
 * Backend contract:
 *   POST api/v1/webchat/messages  {"phone":"+919812345678","text":"hi"}
 *        or, for a tapped choice,   {"phone":"+919812345678","text":"Yes","choice":"confirm:yes"}
 *        -> 202 {"messageId":"web-...","status":"accepted"}
 *        -> 400 {"error":"...","message":"...","status":400}
 *   GET  api/v1/webchat/stream?phone=%2B919812345678  (Server-Sent Events)
 *        event "reply", data {"text":"...","at":"2026-11-26T01:02:03Z"}
 *        and, when the reply offers choices, "choices": {"kind":"buttons"|"list","button":"Choose",
 *        "items":[{"id":"...","title":"...","description":"..."}]}: shown under the bot's message as
 *        WhatsApp shows them (quick-reply buttons, or a button that opens the list); a tap sends the
 *        item's id, and its title as the partner's message.
 *
 * The phone field is the partner's identity: sending with a different (valid) number in the field
 * switches to that number first. The stream is always opened before the first message is posted.
 */
(function () {
  'use strict';

  var MESSAGES_URL = 'api/v1/webchat/messages';
  var STREAM_URL = 'api/v1/webchat/stream';
  var STORAGE_KEY = 'shisha.simulator.phone';
  var PHONE_RE = /^\+\d{8,15}$/;
  var OPEN_WAIT_MS = 5000;      // longest we hold the first message waiting for the stream
  var MAX_RETRY_MS = 30000;     // backoff cap when the browser gives up on the stream

  var $ = function (id) { return document.getElementById(id); };
  var phoneForm = $('phone-form');
  var phoneInput = $('phone');
  var phoneError = $('phone-error');
  var startBtn = $('start');
  var statusEl = $('status');
  var log = $('log');
  var composer = $('composer');
  var box = $('message');
  var sendBtn = $('send');
  var sendError = $('send-error');
  var quick = $('quick');

  // ---------------------------------------------------------------- language (the portal's dictionaries and choice)

  var LANG_KEY = 'shisha.lang';
  var dictionaries = window.SHISHA_I18N || {};
  var lang = (function () { try { return window.localStorage.getItem(LANG_KEY) === 'hi' ? 'hi' : 'en'; } catch (e) { return 'en'; } })();

  /** The text for a key in the chosen language, with {0} replaced by the argument. */
  function t(key, arg) {
    var d = dictionaries[lang] || {};
    var text = Object.prototype.hasOwnProperty.call(d, key) ? d[key] : (dictionaries.en || {})[key] || key;
    return arg === undefined ? text : text.replace('{0}', arg);
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = t(nodes[i].getAttribute('data-i18n'));
    var attrs = document.querySelectorAll('[data-i18n-attr]');
    for (var j = 0; j < attrs.length; j++) {
      var el = attrs[j];
      el.getAttribute('data-i18n-attr').split(';').forEach(function (pair) {
        var kv = pair.split(':');
        el.setAttribute(kv[0], t(kv[1]));
      });
    }
    var button = $('lang-switch');
    button.textContent = t('lang.switch');
    button.setAttribute('aria-label', t('lang.switchLabel'));
    button.setAttribute('lang', lang === 'hi' ? 'en' : 'hi');
    document.title = t('sim.pageTitle');
    if (activePhone) startBtn.textContent = t('sim.switchNumber');
    setStatus(statusEl.getAttribute('data-state') || 'idle');
  }

  var activePhone = null;   // number the stream is open for
  var source = null;        // current EventSource
  var isOpen = false;
  var openWaiters = [];
  var retryTimer = null;
  var retryDelay = 1000;
  var inFlight = 0;
  var boxSending = false;

  // ---------------------------------------------------------------- storage

  function loadPhone() {
    try { return window.localStorage.getItem(STORAGE_KEY); } catch (e) { return null; }
  }

  function savePhone(phone) {
    try { window.localStorage.setItem(STORAGE_KEY, phone); } catch (e) { /* private mode: ignore */ }
  }

  /*
   * The portal's session (sessionStorage, as portal.js keeps it). Where the web chat needs a sign-in (production),
   * it is sent with every message and, since EventSource cannot send headers, as access_token on the stream.
   */
  function sessionToken() {
    try {
      var s = JSON.parse(window.sessionStorage.getItem('shisha.session') || 'null');
      if (s && s.token && (!s.expiresAt || Date.parse(s.expiresAt) > Date.now())) return s.token;
    } catch (e) { /* unreadable: signed out */ }
    return null;
  }

  function randomIndianMobile() {
    var digits = '';
    for (var i = 0; i < 8; i++) digits += Math.floor(Math.random() * 10);
    return '+9198' + digits;
  }

  // ---------------------------------------------------------------- phone

  function normalizePhone(raw) {
    var p = String(raw || '').trim().replace(/[\s\-().]/g, '');
    if (/^00\d+$/.test(p)) p = '+' + p.slice(2);        // 0091... -> +91...
    if (/^0[6-9]\d{9}$/.test(p)) p = p.slice(1);          // 0-prefixed, as dialled within India
    if (/^91[6-9]\d{9}$/.test(p)) p = '+' + p;            // country code without the +
    if (/^[6-9]\d{9}$/.test(p)) p = '+91' + p;           // bare 10-digit Indian mobile
    return p;
  }

  function showPhoneError(msg) {
    phoneError.textContent = msg;
    phoneInput.setAttribute('aria-invalid', 'true');
  }

  function clearPhoneError() {
    phoneError.textContent = '';
    phoneInput.removeAttribute('aria-invalid');
  }

  /** Returns the normalized phone from the field, or null (with an inline error) if invalid. */
  function phoneFromField() {
    var phone = normalizePhone(phoneInput.value);
    if (!PHONE_RE.test(phone)) {
      showPhoneError(t('sim.phoneError'));
      phoneInput.focus();
      return null;
    }
    clearPhoneError();
    phoneInput.value = phone;
    return phone;
  }

  // ---------------------------------------------------------------- stream

  function setStatus(state) {
    statusEl.setAttribute('data-state', state);
    statusEl.textContent = t('sim.status.' + state);
  }

  function resolveWaiters() {
    var w = openWaiters;
    openWaiters = [];
    w.forEach(function (fn) { fn(); });
  }

  function closeStream() {
    if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
    if (source) { source.close(); source = null; }
    isOpen = false;
    resolveWaiters();
  }

  function openStream() {
    var token = sessionToken();
    var es = new EventSource(STREAM_URL + '?phone=' + encodeURIComponent(activePhone)
        + (token ? '&access_token=' + encodeURIComponent(token) : ''));
    source = es;
    es.onopen = function () {
      if (source !== es) return;
      isOpen = true;
      retryDelay = 1000;
      setStatus('live');
      resolveWaiters();
    };
    es.onerror = function () {
      if (source !== es) return;
      isOpen = false;
      setStatus('reconnecting');
      if (es.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. an HTTP error status): retry ourselves with backoff.
        es.close();
        source = null;
        retryTimer = setTimeout(function () {
          retryTimer = null;
          if (activePhone && !source) openStream();
        }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
      }
      // readyState CONNECTING: EventSource reconnects by itself.
    };
    es.addEventListener('reply', function (ev) {
      if (source !== es) return;
      var text = ev.data, at = null, choices = null;
      try {
        var payload = JSON.parse(ev.data);
        if (payload && typeof payload.text === 'string') { text = payload.text; at = payload.at; choices = payload.choices; }
      } catch (e) { /* not JSON: show the raw data */ }
      var bubble = addBubble('bot', text, at);
      if (choices && choices.items && choices.items.length) addChoices(bubble, choices);
    });
  }

  /** Resolves once the stream is open, or after OPEN_WAIT_MS (the message is sent regardless). */
  function whenOpen() {
    if (isOpen) return Promise.resolve();
    return new Promise(function (resolve) {
      var done = false;
      var finish = function () { if (!done) { done = true; resolve(); } };
      openWaiters.push(finish);
      setTimeout(finish, OPEN_WAIT_MS);
    });
  }

  function startSession(phone) {
    if (phone === activePhone && source) {
      addNotice(t('sim.already', phone));
      return;
    }
    closeStream();
    clearSendError();
    activePhone = phone;
    savePhone(phone);
    log.textContent = '';
    addNotice(t('sim.chatting', phone));
    startBtn.textContent = t('sim.switchNumber');
    setStatus('connecting');
    openStream();
  }

  /** Start: the partner greets first, as on WhatsApp, so the bot's greeting (or a demo partner's menu) shows at once. */
  function startAndGreet(phone) {
    var fresh = phone !== activePhone || !source;
    startSession(phone);
    if (fresh) send(t('sim.greeting'), false);
  }

  /** Reopens the stream for the current number, keeping the conversation on screen. */
  function reopen() {
    if (!activePhone || source || retryTimer) return;
    setStatus('connecting');
    openStream();
  }

  // ---------------------------------------------------------------- rendering

  var BOLD_RE = /(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?=$|[^\w*])/g;
  var URL_RE = /https?:\/\/[^\s<>"]*[^\s<>".,:;!?)\]'*]/g;

  function appendLinkified(parent, str) {
    var last = 0, m;
    URL_RE.lastIndex = 0;
    while ((m = URL_RE.exec(str)) !== null) {
      if (m.index > last) parent.appendChild(document.createTextNode(str.slice(last, m.index)));
      var a = document.createElement('a');
      a.href = m[0];
      a.textContent = m[0];
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      parent.appendChild(a);
      last = m.index + m[0].length;
    }
    if (last < str.length) parent.appendChild(document.createTextNode(str.slice(last)));
  }

  /** Renders WhatsApp markup (*bold*) and links as DOM nodes; never uses innerHTML. */
  function renderWhatsApp(parent, text) {
    var last = 0, m;
    BOLD_RE.lastIndex = 0;
    while ((m = BOLD_RE.exec(text)) !== null) {
      var boldStart = m.index + m[1].length;
      appendLinkified(parent, text.slice(last, boldStart));
      var strong = document.createElement('strong');
      appendLinkified(strong, m[2]);
      parent.appendChild(strong);
      last = BOLD_RE.lastIndex;
    }
    appendLinkified(parent, text.slice(last));
  }

  function toDate(at) {
    var d = at ? new Date(at) : new Date();
    return isNaN(d.getTime()) ? new Date() : d;
  }

  function nearBottom() {
    return log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function addBubble(who, text, at) {
    var stick = who === 'user' || nearBottom();
    var date = toDate(at);
    var bubble = document.createElement('div');
    bubble.className = 'bubble ' + who;
    bubble.setAttribute('data-raw', text);

    var body = document.createElement('p');
    body.className = 'text';
    if (who === 'bot') renderWhatsApp(body, text); else body.textContent = text;

    // Time (and, for screen readers, the sender) come from CSS generated content, so a bubble's
    // visible text - what Selenium's getText() returns - is exactly the message text.
    var time = document.createElement('time');
    time.className = 'meta';
    time.dateTime = date.toISOString();
    time.setAttribute('data-label', date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));

    bubble.appendChild(body);
    bubble.appendChild(time);
    log.appendChild(bubble);
    if (stick) scrollDown();
    return bubble;
  }

  var listCount = 0;

  function choiceButton(item, className) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.setAttribute('data-choice', item.id);
    b.setAttribute('data-title', item.title);
    var title = document.createElement('span');
    title.className = 'title';
    title.textContent = item.title;
    b.appendChild(title);
    if (item.description) {
      var desc = document.createElement('span');
      desc.className = 'desc';
      desc.textContent = item.description;
      b.appendChild(desc);
    }
    return b;
  }

  /**
   * The reply's choices under its bubble, as WhatsApp shows them: up to three quick-reply buttons, or one
   * button that opens the list. Typing keeps working; a tap only saves typing.
   */
  function addChoices(bubble, choices) {
    var stick = nearBottom();
    var box = document.createElement('div');
    box.className = 'choices ' + (choices.kind === 'list' ? 'list' : 'buttons');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', choices.kind === 'list' ? (choices.button || 'Choose') : 'Quick replies');
    if (choices.kind === 'list') {
      var id = 'choice-list-' + (++listCount);
      var open = document.createElement('button');
      open.type = 'button';
      open.className = 'choice list-open';
      open.textContent = choices.button || 'Choose';
      open.setAttribute('aria-expanded', 'false');
      open.setAttribute('aria-controls', id);
      var list = document.createElement('div');
      list.className = 'choice-list';
      list.id = id;
      list.hidden = true;
      choices.items.forEach(function (item) { list.appendChild(choiceButton(item, 'choice item')); });
      open.addEventListener('click', function () {
        var show = list.hidden;
        list.hidden = !show;
        open.setAttribute('aria-expanded', String(show));
        if (show) {
          scrollDown();
          list.querySelector('button').focus();
        }
      });
      box.appendChild(open);
      box.appendChild(list);
    } else {
      choices.items.forEach(function (item) { box.appendChild(choiceButton(item, 'choice')); });
    }
    box.addEventListener('click', function (ev) {
      var b = ev.target.closest('button[data-choice]');
      if (!b) return;
      var list = box.querySelector('.choice-list');
      if (list) {
        list.hidden = true;
        box.querySelector('.list-open').setAttribute('aria-expanded', 'false');
      }
      send(b.getAttribute('data-title'), false, b.getAttribute('data-choice'));
    });
    bubble.parentNode.insertBefore(box, bubble.nextSibling);
    if (stick) scrollDown();
  }

  function addNotice(text) {
    var stick = nearBottom();
    var n = document.createElement('p');
    n.className = 'notice';
    n.textContent = text;
    log.appendChild(n);
    if (stick) scrollDown();
  }

  // ---------------------------------------------------------------- sending

  function showSendError(msg) { sendError.textContent = msg; }
  function clearSendError() { sendError.textContent = ''; }

  function errorMessage(res, body) {
    // the API's English message is for developers; the partner reads the page's language
    if (res.status === 429) return t('sim.tooMany');
    if (res.status === 401 || res.status === 403) return t('sim.notYours');
    if (res.status >= 500) return t('sim.serverError', String(res.status));
    return t('sim.notSent', String(res.status)) + (body && body.error ? ' (' + body.error + ')' : '');
  }

  function setBusy(busy) {
    inFlight += busy ? 1 : -1;
    if (inFlight > 0) sendBtn.setAttribute('aria-disabled', 'true');
    else sendBtn.removeAttribute('aria-disabled');
  }

  /**
   * Sends text as the partner. fromBox: the text came from the message box, which is cleared only
   * once the server accepted it (so nothing typed is lost on an error). choice: the id of a tapped
   * choice, sent with its title as the text.
   */
  function send(text, fromBox, choice) {
    if (fromBox && boxSending) return;   // Enter pressed twice before the server answered
    clearSendError();
    var trimmed = String(text || '').trim();
    if (!trimmed) {
      showSendError(t('sim.empty'));
      box.focus();
      return;
    }
    var phone = phoneFromField();
    if (!phone) return;
    if (phone !== activePhone) startSession(phone);
    else if (!source && !retryTimer) reopen();
    if (fromBox) boxSending = true;

    var bubble = addBubble('user', trimmed, null);
    bubble.classList.add('pending');
    setBusy(true);

    whenOpen().then(function () {
      var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
      var token = sessionToken();
      if (token) headers['Authorization'] = 'Bearer ' + token;
      return fetch(MESSAGES_URL, {
        method: 'POST',
        headers: headers,
        body: JSON.stringify(choice ? { phone: phone, text: trimmed, choice: choice } : { phone: phone, text: trimmed })
      });
    }).then(function (res) {
      return res.text().then(function (raw) {
        var body = null;
        try { body = raw ? JSON.parse(raw) : null; } catch (e) { /* not JSON */ }
        if (res.ok) {
          bubble.classList.remove('pending');
          if (body && body.messageId) bubble.setAttribute('data-message-id', body.messageId);
          if (fromBox && box.value === text) { box.value = ''; autosize(); }
        } else {
          bubble.remove();
          showSendError(errorMessage(res, body));
          if (fromBox) box.focus();
        }
      });
    }).catch(function () {
      bubble.remove();
      showSendError(t('error.network'));
    }).then(function () {
      if (fromBox) boxSending = false;
      setBusy(false);
    });
  }

  function autosize() {
    var stick = nearBottom();   // a growing box shrinks the log: keep the newest message in view
    box.style.height = 'auto';
    box.style.height = Math.min(box.scrollHeight + 2, 128) + 'px';
    if (stick) scrollDown();
  }

  // ---------------------------------------------------------------- wiring

  phoneForm.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var phone = phoneFromField();
    if (!phone) return;
    startAndGreet(phone);
    box.focus();
  });

  phoneInput.addEventListener('input', function () {
    if (phoneInput.getAttribute('aria-invalid')) clearPhoneError();
  });

  composer.addEventListener('submit', function (ev) {
    ev.preventDefault();
    send(box.value, true);
  });

  box.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
      ev.preventDefault();
      send(box.value, true);
    }
  });

  box.addEventListener('input', function () {
    autosize();
    if (sendError.textContent && box.value.trim()) clearSendError();
  });

  quick.addEventListener('click', function (ev) {
    var btn = ev.target.closest('button[data-text]');
    if (btn) send(btn.getAttribute('data-text'), false);
  });

  // Keep the newest message in view when the log shrinks (growing message box, on-screen keyboard).
  var pinned = true;
  log.addEventListener('scroll', function () { pinned = nearBottom(); });
  if ('ResizeObserver' in window) {
    new ResizeObserver(function () { if (pinned) scrollDown(); }).observe(log);
  }

  window.addEventListener('pagehide', function () { closeStream(); setStatus('idle'); });
  window.addEventListener('pageshow', function (ev) { if (ev.persisted) reopen(); });

  phoneInput.value = loadPhone() || randomIndianMobile();
  // signed in on the portal: chat as your own number (where the web chat needs a sign-in, it is the only one served)
  var signedIn = sessionToken();
  if (signedIn && window.fetch) {
    fetch('/api/v1/partners/me', { headers: { 'Accept': 'application/json', 'Authorization': 'Bearer ' + signedIn } })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (me) { if (me && me.phone && !activePhone) phoneInput.value = me.phone; })
      .catch(function () { /* keep the number shown */ });
  }
  $('lang-switch').addEventListener('click', function () {
    lang = lang === 'hi' ? 'en' : 'hi';
    try { window.localStorage.setItem(LANG_KEY, lang); } catch (e) { /* private mode: this page only */ }
    applyLanguage();
  });
  setStatus('idle');
  applyLanguage();
  addNotice(t('sim.intro'));
})();
