/*
 * Shared by the portal pages: language (English/Hindi, dictionaries in js/lang/*.js), the session token, calls
 * to /api/v1 and showing its JSON errors next to the fields. No framework, no build: see docs/portal.md.
 */
(function () {
  'use strict';

  var LANG_KEY = 'shisha.lang';
  var SESSION_KEY = 'shisha.session';
  var dictionaries = window.SHISHA_I18N || {};

  function storedLang() {
    try { return window.localStorage.getItem(LANG_KEY); } catch (e) { return null; }
  }

  var lang = storedLang() === 'hi' ? 'hi' : 'en';

  function t(key) {
    var d = dictionaries[lang] || {};
    return Object.prototype.hasOwnProperty.call(d, key) ? d[key] : (dictionaries.en || {})[key] || key;
  }

  /* Texts live in the dictionaries; the English in the HTML is only what shows before this runs (or without JS). */
  function applyLanguage() {
    document.documentElement.lang = lang;
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = t(nodes[i].getAttribute('data-i18n'));
    // long texts (the privacy and terms pages) are written out once per language rather than key by key
    var only = document.querySelectorAll('[data-lang-only]');
    for (var k = 0; k < only.length; k++) only[k].hidden = only[k].getAttribute('data-lang-only') !== lang;
    var attrs = document.querySelectorAll('[data-i18n-attr]');
    for (var j = 0; j < attrs.length; j++) {
      attrs[j].getAttribute('data-i18n-attr').split(';').forEach(function (pair) {
        var parts = pair.split(':');
        if (parts.length === 2) attrs[j].setAttribute(parts[0].trim(), t(parts[1].trim()));
      });
    }
    var button = document.getElementById('lang-switch');
    if (button) {
      button.textContent = t('lang.switch');
      button.setAttribute('lang', lang === 'en' ? 'hi' : 'en');
      button.setAttribute('aria-label', t('lang.switchLabel'));
    }
    document.dispatchEvent(new CustomEvent('shisha:language', { detail: lang }));
  }

  function setLanguage(next) {
    lang = next === 'hi' ? 'hi' : 'en';
    try { window.localStorage.setItem(LANG_KEY, lang); } catch (e) { /* private mode: this page only */ }
    applyLanguage();
  }

  /*
   * The session lives in sessionStorage: it is gone when the tab closes and is never sent by the browser on its
   * own (so no CSRF), at the price that a script running on our origin could read it; the CSP allows only our
   * own scripts. docs/portal.md weighs this against an HttpOnly cookie.
   */
  var session = {
    get: function () {
      try {
        var s = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null');
        if (s && s.token && (!s.expiresAt || Date.parse(s.expiresAt) > Date.now())) return s;
      } catch (e) { /* unreadable: treat as signed out */ }
      return null;
    },
    save: function (view) {
      window.sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: view.token, expiresAt: view.expiresAt }));
    },
    clear: function () {
      try { window.sessionStorage.removeItem(SESSION_KEY); } catch (e) { /* nothing to clear */ }
    }
  };

  /* Resolves {status, body} for every HTTP answer; rejects only when the server could not be reached. */
  function api(method, path, body, token) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined && body !== null) headers['Content-Type'] = 'application/json';
    if (token) headers['Authorization'] = 'Bearer ' + token;
    return fetch('/api/v1' + path, {
      method: method, headers: headers, credentials: 'omit',
      body: body === undefined || body === null ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        return { status: response.status, body: json };
      });
    });
  }

  function clearErrors(form) {
    var invalid = form.querySelectorAll('[aria-invalid="true"]');
    for (var i = 0; i < invalid.length; i++) invalid[i].removeAttribute('aria-invalid');
    var errors = form.querySelectorAll('.field-error, .form-error');
    for (var j = 0; j < errors.length; j++) errors[j].textContent = '';
  }

  /* A field's problem in the page's language: the dictionaries word "required" once and "invalid" per field. */
  function fieldMessage(f) {
    var key = f.code === 'required' ? 'field.required' : 'field.' + f.field + '.invalid';
    var text = t(key);
    return text !== key ? text : (f.code ? t('field.invalid') : f.message);
  }

  /* The API's error shape {error, message, status, fields: [{field, message, code}]}: one message under each input. */
  function showProblem(form, problem) {
    clearErrors(form);
    var general = form.querySelector('.form-error');
    var fields = (problem && problem.fields) || [];
    fields.forEach(function (f) {
      var input = form.querySelector('[name="' + f.field + '"]');
      var slot = form.querySelector('#' + form.id + '-' + f.field + '-error');
      if (input) input.setAttribute('aria-invalid', 'true');
      if (slot && !slot.textContent) slot.textContent = fieldMessage(f);
    });
    // the first marked field in the order the partner reads the form, not the API's (alphabetical) order
    var first = form.querySelector('[aria-invalid="true"]:not([type=hidden])');
    if (general) general.textContent = fields.length ? t('error.fields') : ((problem && problem.message) || t('error.network'));
    (first || general).focus();
  }

  function values(form) {
    var out = {};
    var inputs = form.querySelectorAll('input[name]');
    for (var i = 0; i < inputs.length; i++) out[inputs[i].name] = inputs[i].value.trim();
    return out;
  }

  /* A bare 10-digit Indian mobile gets +91, as people type it. */
  function normalizePhone(raw) {
    var p = String(raw || '').replace(/[\s\-().]/g, '');
    if (/^0?[6-9]\d{9}$/.test(p)) p = '+91' + p.slice(-10);
    if (/^91[6-9]\d{9}$/.test(p)) p = '+' + p;
    return p;
  }

  /* Only same-site paths, so ?next= cannot send a signed-in partner to another site. */
  function safeNext(fallback) {
    var next = new URLSearchParams(window.location.search).get('next');
    return next && /^\/[A-Za-z0-9\/_-]*$/.test(next) && next.indexOf('//') !== 0 ? next : fallback;
  }

  /* What the pages link to (our WhatsApp number, the app), fetched once per page. */
  var configPromise = null;
  function config() {
    if (!configPromise) {
      configPromise = api('GET', '/portal/config').then(function (r) { return r.status === 200 ? r.body : {}; }, function () { return {}; });
    }
    return configPromise;
  }

  /*
   * WhatsApp links point at the simulator until a WhatsApp number is configured. The chat opens with a greeting in
   * the page's language: the bot greets a नमस्ते in Hindi.
   */
  function linkWhatsApp() {
    config().then(function (c) {
      if (!c.whatsappUrl) return;
      var url = c.whatsappUrl.replace(/\?text=.*$/, '') + '?text=' + encodeURIComponent(t('greeting'));
      var links = document.querySelectorAll('.wa-link');
      for (var i = 0; i < links.length; i++) {
        links[i].href = url;
        links[i].rel = 'noopener';
      }
    });
  }

  window.SHISHA = {
    config: config,
    t: t, lang: function () { return lang; }, setLanguage: setLanguage, session: session, api: api,
    showProblem: showProblem, clearErrors: clearErrors, values: values, normalizePhone: normalizePhone, safeNext: safeNext
  };

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('lang-switch');
    if (button) button.addEventListener('click', function () { setLanguage(lang === 'en' ? 'hi' : 'en'); });
    applyLanguage();
    if (document.querySelector('.wa-link')) {
      linkWhatsApp();
      document.addEventListener('shisha:language', linkWhatsApp);
    }
  });
})();
