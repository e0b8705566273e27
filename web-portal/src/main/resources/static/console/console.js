/* The SHISHA console. Partner text is shown with textContent only: it is whatever anyone typed on WhatsApp. */
(function () {
  'use strict';
  var me = null;
  var current = null; // the open handoff's id
  var poll = null;
  var editing = null; // the open guide section: { id, version } or { id: null } for a new one
  var PRODUCTS = [['LOANS', 'Loans'], ['CREDIT_CARDS', 'Credit cards'], ['INSURANCE', 'Insurance'],
    ['SAVINGS_ACCOUNTS', 'Savings accounts'], ['DEMAT', 'Demat']];
  var SKILLS = [['LOANS', 'Loans'], ['CREDIT_CARDS', 'Credit cards'], ['INSURANCE', 'Insurance'], ['SAVINGS', 'Savings'],
    ['DEMAT', 'Demat'], ['NEED_DISCOVERY', 'Need discovery'], ['OBJECTION_HANDLING', 'Objection handling'],
    ['CLOSING', 'Closing'], ['COMPLIANCE', 'Compliance']];

  function $(id) { return document.getElementById(id); }

  function api(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (method !== 'GET') { init.headers['X-Console-Request'] = '1'; }
    if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch('/console/api' + path, init).then(function (r) {
      if (r.status === 204) { return null; }
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          var e = new Error(json.message || ('HTTP ' + r.status)); e.status = r.status; e.code = json.error; e.fields = json.fields; throw e;
        }
        return json;
      });
    });
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function when(iso) { return iso ? new Date(iso).toLocaleString() : ''; }

  function say(text) { $('status').textContent = text || ''; }

  function show(view) {
    ['sign-in', 'overview', 'queue', 'handoff', 'imports', 'broadcasts', 'guide', 'guide-section', 'staff', 'audit'].forEach(function (v) { $('view-' + v).hidden = v !== view; });
    document.querySelectorAll('#nav a').forEach(function (a) {
      if (a.dataset.view === view || (view === 'handoff' && a.dataset.view === 'queue')
        || (view === 'guide-section' && a.dataset.view === 'guide')) { a.setAttribute('aria-current', 'page'); }
      else { a.removeAttribute('aria-current'); }
    });
  }

  function route() {
    if (poll) { clearInterval(poll); poll = null; }
    if (!me) { show('sign-in'); return; }
    var hash = location.hash.replace('#', '') || 'queue';
    var m = /^handoff\/(\d+)$/.exec(hash);
    if (m) { current = Number(m[1]); show('handoff'); loadHandoff(); poll = setInterval(loadHandoff, 4000); return; }
    current = null;
    var g = /^guide\/(.+)$/.exec(hash);
    if (g) { show('guide-section'); openSection(g[1] === 'new' ? null : decodeURIComponent(g[1])); return; }
    if (hash === 'guide') { show('guide'); loadGuide(); return; }
    if (hash === 'overview') { show('overview'); loadOverview(); poll = setInterval(loadOverview, 15000); return; }
    if (hash === 'imports') { show('imports'); loadImports(); poll = setInterval(loadImports, 1000); return; }
    if (hash === 'broadcasts') { show('broadcasts'); loadBroadcasts(); poll = setInterval(loadBroadcasts, 3000); return; }
    if (hash === 'staff' && me.role === 'ADMIN') { show('staff'); loadStaff(); return; }
    if (hash === 'audit' && me.role === 'ADMIN') { show('audit'); loadAudit(); return; }
    show('queue'); loadQueue(); poll = setInterval(loadQueue, 5000);
  }

  function signedIn(staff) {
    me = staff;
    $('nav').hidden = false;
    $('who').textContent = staff.name + ' (' + staff.role.toLowerCase() + ')';
    document.querySelectorAll('[data-admin]').forEach(function (a) { a.hidden = staff.role !== 'ADMIN'; });
    route();
  }

  function loadQueue() {
    api('GET', '/handoffs').then(function (rows) {
      var body = $('queue-rows');
      body.replaceChildren();
      rows.forEach(function (h) {
        var tr = el('tr');
        tr.appendChild(el('td', h.id));
        tr.appendChild(el('td', h.partner + ' · ' + h.channel.toLowerCase()));
        tr.appendChild(el('td', h.reason.replace(/_/g, ' ').toLowerCase() + (h.note ? ': ' + h.note : '')));
        tr.appendChild(el('td', h.state === 'WAITING' ? 'waiting' : 'with an agent'));
        tr.appendChild(el('td', when(h.openedAt)));
        var open = el('td');
        var a = el('a', 'Open'); a.href = '#handoff/' + h.id; open.appendChild(a);
        tr.appendChild(open);
        body.appendChild(tr);
      });
      $('queue-empty').hidden = rows.length > 0;
    }).catch(failed);
  }

  function loadHandoff() {
    if (current === null) { return; }
    api('GET', '/handoffs/' + current).then(function (d) {
      var h = d.handoff, p = d.partner;
      $('handoff-title').textContent = 'Handoff ' + h.id + ' · ' + (p.name || h.partner);
      var profile = $('profile');
      profile.replaceChildren();
      var dl = el('dl');
      [['Partner', p.name || 'not onboarded'], ['Number', h.partner], ['Language', p.language === 'hi' ? 'Hindi' : 'English'],
        ['City', p.city || ''], ['Sells', (p.products || []).join(', ').toLowerCase().replace(/_/g, ' ')],
        ['Last message', when(p.lastInbound)], ['Why', h.reason.replace(/_/g, ' ').toLowerCase()],
        ['State', h.state === 'WAITING' ? 'waiting' : h.state === 'WITH_AGENT' ? 'with an agent' : 'back with the bot'],
        ['Opted out', p.optedOut ? 'yes: nothing will be delivered' : 'no']].forEach(function (row) {
        dl.appendChild(el('dt', row[0])); dl.appendChild(el('dd', row[1]));
      });
      profile.appendChild(dl);
      var list = $('transcript');
      var atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
      list.replaceChildren();
      d.transcript.forEach(function (line) {
        var li = el('li', line.text, line.from);
        li.appendChild(el('span', (line.from === 'agent' ? 'agent · ' : line.from === 'bot' ? 'bot · ' : '') + when(line.at)
          + (line.status ? ' · ' + line.status.toLowerCase() : ''), 'meta'));
        list.appendChild(li);
      });
      if (atBottom) { list.scrollTop = list.scrollHeight; }
      var mine = h.state === 'WITH_AGENT' && (h.agentId === me.id || me.role === 'ADMIN');
      $('claim').hidden = h.state === 'RETURNED' || mine;
      $('hand-back').hidden = h.state === 'RETURNED';
      $('reply-form').hidden = !mine;
      $('template-field').hidden = p.textAllowed;
    }).catch(failed);
  }

  function tile(label, value, alert) {
    var t = el('div', null, 'tile' + (alert ? ' alert' : ''));
    t.appendChild(el('span', value, 'n'));
    t.appendChild(el('span', label));
    return t;
  }

  function bars(container, slices, series, unit) {
    container.replaceChildren();
    var max = 1;
    slices.forEach(function (s) { series.forEach(function (k) { max = Math.max(max, s[k.key]); }); });
    slices.forEach(function (s) {
      var slot = el('div', null, 'slot');
      slot.title = new Date(s.start).toLocaleTimeString() + ': ' + series.map(function (k) {
        return k.label + ' ' + Math.round(s[k.key]) + unit; }).join(', ');
      series.forEach(function (k) {
        var b = el('div', null, 'bar ' + k.cls);
        b.style.height = (100 * s[k.key] / max) + '%';
        slot.appendChild(b);
      });
      container.appendChild(slot);
    });
  }

  function loadOverview() {
    api('GET', '/overview').then(function (o) {
      var n = o.now, tiles = $('tiles');
      tiles.replaceChildren(
        tile('waiting for a person', n.handoffsWaiting, n.handoffsWaiting > 0),
        tile('with an agent', n.handoffsWithAgent),
        tile('messages not yet answered', n.inboxWaiting, n.inboxWaiting > 50),
        tile('replies queued', n.outboxWaiting),
        tile('oldest queued reply (s)', Math.round(n.outboxLagSeconds), n.outboxLagSeconds > 30),
        tile('sends failed, last hour', n.sendFailuresLastHour, n.sendFailuresLastHour > 0),
        tile('undelivered, last hour', n.deliveryErrorsLastHour, n.deliveryErrorsLastHour > 0));
      bars($('chart-traffic'), o.timeline, [{ key: 'inbound', cls: 'in', label: 'in' }, { key: 'outbound', cls: 'out', label: 'out' }], '');
      bars($('chart-latency'), o.timeline, [{ key: 'p95Millis', cls: 'latency', label: 'p95' }], ' ms');
    }).catch(failed);
  }

  function segmentOf(f) {
    var seg = {};
    ['city', 'product', 'language'].forEach(function (k) { if (f.elements[k].value) { seg[k] = f.elements[k].value; } });
    ['minSkill', 'maxSkill', 'activeWithinDays', 'inactiveForDays'].forEach(function (k) {
      if (f.elements[k].value !== '') { seg[k] = Number(f.elements[k].value); } });
    return seg;
  }

  function loadBroadcasts() {
    api('GET', '/broadcasts').then(function (rows) {
      var body = $('broadcast-rows');
      return Promise.all(rows.map(function (b) { return api('GET', '/broadcasts/' + b.id); })).then(function (views) {
        body.replaceChildren();
        views.forEach(function (v) {
          var b = v.broadcast, p = v.progress;
          var tr = el('tr');
          tr.appendChild(el('td', b.id));
          tr.appendChild(el('td', b.name));
          tr.appendChild(el('td', b.state.toLowerCase()));
          var prog = el('td');
          var done = p.recipients === 0 ? 0 : Math.round(100 * (p.recipients - p.pending) / p.recipients);
          var bar = el('progress'); bar.max = 100; bar.value = done; bar.setAttribute('aria-label', done + '% worked through');
          prog.appendChild(bar);
          prog.appendChild(el('span', ' ' + p.recipients + ' partners: ' + p.queued + ' queued, ' + p.sent + ' sent, ' + p.delivered
            + ' delivered, ' + p.read + ' read, ' + p.failed + ' failed, ' + p.skippedOptedOut + ' opted out, '
            + p.skippedDailyLimit + ' over the daily limit', 'progress-text'));
          tr.appendChild(prog);
          var act = el('td');
          if (me.role === 'ADMIN' && b.state === 'DRAFT') { act.appendChild(action('Start', '/broadcasts/' + b.id + '/start')); }
          if (me.role === 'ADMIN' && (b.state === 'DRAFT' || b.state === 'SENDING')) {
            act.appendChild(action('Cancel', '/broadcasts/' + b.id + '/cancel'));
          }
          tr.appendChild(act);
          body.appendChild(tr);
        });
      });
    }).catch(failed);
  }

  function loadImports() {
    api('GET', '/lead-imports').then(function (rows) {
      var body = $('import-rows');
      body.replaceChildren();
      rows.forEach(function (i) {
        var tr = el('tr');
        tr.appendChild(el('td', i.id));
        tr.appendChild(el('td', (i.fileName || 'from GroMo\'s systems') + ' · ' + when(i.createdAt)));
        tr.appendChild(el('td', i.state.toLowerCase() + (i.failure ? ': ' + i.failure : '')));
        var prog = el('td');
        var done = i.totalRows === 0 ? 100 : Math.round(100 * i.processed / i.totalRows);
        var bar = el('progress'); bar.max = 100; bar.value = done; bar.setAttribute('aria-label', done + '% read');
        prog.appendChild(bar);
        prog.appendChild(el('span', ' ' + i.processed + ' of ' + i.totalRows + ' rows: ' + i.created + ' new, ' + i.updated
          + ' updated, ' + i.merged + ' merged, ' + i.refused + ' refused', 'progress-text'));
        tr.appendChild(prog);
        var report = el('td');
        if (i.refused > 0) {
          var a = el('a', 'Refused rows (CSV)'); a.href = '/console/api/lead-imports/' + i.id + '/refused.csv'; a.setAttribute('download', '');
          report.appendChild(a);
        }
        tr.appendChild(report);
        body.appendChild(tr);
      });
    }).catch(failed);
  }

  function action(label, path) {
    var b = el('button', label, 'btn btn-outline btn-small');
    b.type = 'button';
    b.addEventListener('click', function () { api('POST', path).then(loadBroadcasts).catch(failed); });
    return b;
  }

  function loadStaff() {
    api('GET', '/staff').then(function (rows) {
      var body = $('staff-rows');
      body.replaceChildren();
      rows.forEach(function (s) {
        var tr = el('tr');
        tr.appendChild(el('td', s.name)); tr.appendChild(el('td', s.email)); tr.appendChild(el('td', s.role.toLowerCase()));
        tr.appendChild(el('td', s.active ? 'yes' : 'no'));
        var td = el('td');
        if (s.id !== me.id) {
          var b = el('button', s.active ? 'Switch off' : 'Switch on', 'btn btn-outline btn-small');
          b.type = 'button';
          b.addEventListener('click', function () {
            api('POST', '/staff/' + s.id + '/active', { active: !s.active }).then(loadStaff).catch(failed);
          });
          td.appendChild(b);
        }
        tr.appendChild(td);
        body.appendChild(tr);
      });
    }).catch(failed);
  }

  function loadAudit() {
    api('GET', '/audit?limit=200').then(function (rows) {
      var body = $('audit-rows');
      body.replaceChildren();
      rows.forEach(function (e) {
        var tr = el('tr');
        [when(e.at), e.who || '', e.action, e.partnerId || '', e.detail || ''].forEach(function (v) { tr.appendChild(el('td', v)); });
        body.appendChild(tr);
      });
    }).catch(failed);
  }

  function loadGuide() {
    api('GET', '/guide').then(function (o) {
      $('guide-sync').textContent = 'This instance answers from revision ' + o.appliedRevision + ' of ' + o.revision
        + (o.lastBuildMillis ? ' (last re-indexed in ' + o.lastBuildMillis + ' ms)' : '') + '.';
      var body = $('guide-rows');
      body.replaceChildren();
      o.sections.forEach(function (s) {
        var tr = el('tr');
        tr.appendChild(el('td', s.id));
        tr.appendChild(el('td', s.titleEnglish));
        var hi = el('td', s.titleHindi); hi.lang = 'hi'; tr.appendChild(hi);
        tr.appendChild(el('td', (s.retired ? 'retired' : s.version === 0 ? 'as shipped' : 'version ' + s.version)
          + (s.editedBy ? ' · ' + s.editedBy + ', ' + when(s.editedAt) : '')));
        var open = el('td');
        var a = el('a', me.role === 'ADMIN' ? 'Edit' : 'Open'); a.href = '#guide/' + encodeURIComponent(s.id);
        open.appendChild(a);
        tr.appendChild(open);
        body.appendChild(tr);
      });
    }).catch(failed);
  }

  function checks(container, name, options, chosen) {
    container.replaceChildren();
    options.forEach(function (o) {
      var label = el('label');
      var box = el('input'); box.type = 'checkbox'; box.name = name; box.value = o[0];
      box.checked = (chosen || []).indexOf(o[0]) >= 0;
      label.appendChild(box); label.appendChild(document.createTextNode(' ' + o[1]));
      container.appendChild(label);
    });
  }

  function fieldErrors(form, problems) {
    form.querySelectorAll('[data-field]').forEach(function (p) { p.textContent = ''; });
    (problems || []).forEach(function (p) {
      var slot = form.querySelector('[data-field="' + p.field + '"]') || $('section-error');
      slot.textContent = slot.textContent ? slot.textContent + ' ' + p.message : p.message;
    });
  }

  function fill(section) {
    var f = $('section-form');
    f.elements['english.title'].value = section ? section.english.title : '';
    f.elements['english.body'].value = section ? section.english.body : '';
    f.elements['hindi.title'].value = section ? section.hindi.title : '';
    f.elements['hindi.body'].value = section ? section.hindi.body : '';
    f.elements.questions.value = section ? section.questions.join('\n') : '';
    checks($('section-products'), 'products', PRODUCTS, section ? section.products : []);
    checks($('section-skills'), 'skills', SKILLS, section ? section.skills : []);
  }

  function openSection(id) {
    var f = $('section-form');
    f.reset();
    fieldErrors(f, []);
    var readOnly = me.role !== 'ADMIN';
    f.querySelectorAll('input, textarea').forEach(function (i) { i.readOnly = readOnly; });
    f.querySelectorAll('input[type=checkbox]').forEach(function (i) { i.disabled = readOnly; });
    if (id === null) {
      editing = { id: null, version: 0 };
      $('section-title').textContent = 'New section';
      $('section-state').textContent = 'Not in the guide yet: it is searched as soon as it is saved.';
      f.elements.id.readOnly = readOnly;
      $('section-retire').hidden = true;
      fill(null);
      $('section-history').replaceChildren();
      return;
    }
    f.elements.id.value = id;
    f.elements.id.readOnly = true;
    api('GET', '/guide/sections/' + encodeURIComponent(id)).then(function (d) {
      editing = { id: d.id, version: d.version };
      $('section-title').textContent = d.section.english.title;
      $('section-state').textContent = d.retired ? 'Retired: the coach does not use it. Restore a version to bring it back.'
        : d.version === 0 ? 'As shipped.' : 'Version ' + d.version + (d.shipped ? ' (edited from the shipped text).' : ' (added in the console).');
      $('section-retire').hidden = d.retired;
      fill(d.section);
      f.querySelectorAll('input[type=checkbox]').forEach(function (i) { i.disabled = readOnly; });
      var body = $('section-history');
      body.replaceChildren();
      var rows = d.history.slice();
      if (d.shipped) { rows.push({ number: 0, by: null, at: null, note: 'the text shipped with the service' }); }
      rows.forEach(function (v) {
        var tr = el('tr');
        tr.appendChild(el('td', v.number === 0 ? 'shipped' : v.number + (v.retired ? ' (retired)' : '')));
        tr.appendChild(el('td', v.by || ''));
        tr.appendChild(el('td', when(v.at)));
        tr.appendChild(el('td', v.note || ''));
        var act = el('td');
        if (!v.retired && !(v.number === d.version && !d.retired)) {
          var view = el('button', 'Show', 'btn btn-outline btn-small'); view.type = 'button';
          view.addEventListener('click', function () {
            api('GET', '/guide/sections/' + encodeURIComponent(d.id) + '/versions/' + v.number).then(function (s) {
              fill(s);
              say('Showing ' + (v.number === 0 ? 'the shipped text' : 'version ' + v.number) + '. Saving it makes it the newest version.');
            }).catch(failed);
          });
          act.appendChild(view);
          if (me.role === 'ADMIN') {
            var back = el('button', 'Restore', 'btn btn-outline btn-small'); back.type = 'button';
            back.addEventListener('click', function () {
              api('POST', '/guide/sections/' + encodeURIComponent(d.id) + '/versions/' + v.number + '/restore',
                { expectedVersion: editing.version })
                .then(function () { say('Restored; the coach uses it now.'); openSection(d.id); }).catch(sectionFailed);
            });
            act.appendChild(back);
          }
        }
        tr.appendChild(act);
        body.appendChild(tr);
      });
    }).catch(failed);
  }

  function sectionFailed(e) {
    if (e.status === 401) { failed(e); return; }
    fieldErrors($('section-form'), e.fields && e.fields.length ? e.fields : [{ field: 'section', message: e.message }]);
  }

  function saveSection(ev) {
    ev.preventDefault();
    var f = ev.target;
    var id = (editing.id || f.elements.id.value).trim();
    function chosen(name) {
      return Array.prototype.filter.call(f.querySelectorAll('input[name=' + name + ']'), function (b) { return b.checked; })
        .map(function (b) { return b.value; });
    }
    fieldErrors(f, []);
    if (!id) { fieldErrors(f, [{ field: 'id', message: 'An id is needed, e.g. loans.gold-basics.' }]); return; }
    api('PUT', '/guide/sections/' + encodeURIComponent(id), {
      expectedVersion: editing.version, products: chosen('products'), skills: chosen('skills'),
      english: { title: f.elements['english.title'].value, body: f.elements['english.body'].value },
      hindi: { title: f.elements['hindi.title'].value, body: f.elements['hindi.body'].value },
      questions: f.elements.questions.value.split('\n'), note: f.elements.note.value
    }).then(function (d) {
      say('Saved as version ' + d.version + '; the coach uses it now.');
      if (editing.id === null) { location.hash = 'guide/' + encodeURIComponent(d.id); } else { openSection(d.id); }
    }).catch(sectionFailed);
  }

  function tryQuestion(ev) {
    ev.preventDefault();
    var f = ev.target;
    $('trial-error').textContent = '';
    api('POST', '/guide/trial', { question: f.question.value, language: f.language.value }).then(function (t) {
      $('trial-result').hidden = false;
      $('trial-outcome').textContent = t.outcome === 'ANSWERED' ? 'Answered: the best section scores ' + t.hits[0].score.toFixed(2)
        + ' (' + t.threshold.toFixed(2) + ' is needed). Without a model the partner gets the passages of the sections in bold; '
        + 'a model, when one runs, reads all the sections listed.'
        : t.outcome === 'NO_PASSAGE' ? 'Not answered: no section scores ' + t.threshold.toFixed(2) + ' or more, so the partner is told so and offered a person.'
        : 'Stopped before the search (' + t.reason + ').';
      var body = $('trial-hits');
      body.replaceChildren();
      t.hits.forEach(function (h) {
        var tr = el('tr');
        var name = el('td');
        var link = el('a', h.title); link.href = '#guide/' + encodeURIComponent(h.id);
        if (t.outcome === 'ANSWERED' && t.sources.some(function (s) { return s.id === h.id; })) {
          var b = el('strong'); b.appendChild(link); name.appendChild(b);
        } else { name.appendChild(link); }
        name.appendChild(el('span', ' ' + h.id, 'hint'));
        tr.appendChild(name);
        var score = el('td');
        var bar = el('span', null, 'score' + (h.score < t.threshold ? ' below' : ''));
        bar.style.width = Math.max(2, Math.min(100, 50 * h.score)) + 'px';
        score.appendChild(bar); score.appendChild(document.createTextNode(h.score.toFixed(2)));
        tr.appendChild(score);
        body.appendChild(tr);
      });
      var answer = $('trial-answer');
      answer.textContent = t.answer || '';
      answer.lang = t.language === 'HI' ? 'hi' : 'en';
    }).catch(function (e) { $('trial-error').textContent = e.message; });
  }

  function failed(e) {
    if (e.status === 401) { me = null; $('nav').hidden = true; show('sign-in'); say('Please sign in.'); return; }
    say(e.message);
  }

  function clientId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return 'c-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  document.addEventListener('DOMContentLoaded', function () {
    window.addEventListener('hashchange', route);
    $('sign-in-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var f = ev.target;
      $('sign-in-error').textContent = '';
      api('POST', '/session', { email: f.email.value, password: f.password.value })
        .then(function (staff) { f.password.value = ''; say(''); signedIn(staff); })
        .catch(function (e) { $('sign-in-error').textContent = e.message; });
    });
    $('sign-out').addEventListener('click', function () {
      api('DELETE', '/session').finally(function () { me = null; $('nav').hidden = true; location.hash = ''; show('sign-in'); });
    });
    $('claim').addEventListener('click', function () {
      api('POST', '/handoffs/' + current + '/claim').then(loadHandoff).catch(failed);
    });
    $('hand-back').addEventListener('click', function () {
      api('POST', '/handoffs/' + current + '/hand-back').then(function () { say('Handed back to the bot; the partner was told.'); loadHandoff(); }).catch(failed);
    });
    var pendingId = null;
    $('reply-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var f = ev.target;
      // one id per message typed: pressing Send again after a network error resends the same message, not a second one
      pendingId = pendingId || clientId();
      var body = { text: f.text.value, clientId: pendingId };
      if (!$('template-field').hidden && f.template.value) { body.template = f.template.value; }
      $('reply-error').textContent = '';
      api('POST', '/handoffs/' + current + '/messages', body).then(function () {
        f.text.value = ''; pendingId = null; loadHandoff();
      }).catch(function (e) { $('reply-error').textContent = e.message; });
    });
    $('takeover-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      $('takeover-error').textContent = '';
      api('POST', '/takeovers', { phone: ev.target.phone.value }).then(function (h) { location.hash = 'handoff/' + h.id; })
        .catch(function (e) { $('takeover-error').textContent = e.message; });
    });
    $('staff-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var f = ev.target;
      $('staff-error').textContent = '';
      api('POST', '/staff', { name: f.elements['name'].value, email: f.email.value, role: f.role.value, password: f.password.value })
        .then(function () { f.reset(); loadStaff(); })
        .catch(function (e) { $('staff-error').textContent = e.message; });
    });
    $('import-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var file = ev.target.file.files[0];
      $('import-error').textContent = '';
      if (!file) { $('import-error').textContent = 'Choose a CSV file first.'; return; }
      var data = new FormData();
      data.append('file', file);
      fetch('/console/api/lead-imports', { method: 'POST', body: data, credentials: 'same-origin',
        headers: { 'X-Console-Request': '1', 'Accept': 'application/json' } })
        .then(function (r) { return r.json().then(function (j) { if (!r.ok) { throw new Error(j.message || ('HTTP ' + r.status)); } return j; }); })
        .then(function () { ev.target.reset(); loadImports(); })
        .catch(function (e) { $('import-error').textContent = e.message; });
    });
    $('trial-form').addEventListener('submit', tryQuestion);
    $('section-form').addEventListener('submit', saveSection);
    $('section-retire').addEventListener('click', function () {
      api('POST', '/guide/sections/' + encodeURIComponent(editing.id) + '/retire',
        { expectedVersion: editing.version, note: $('section-form').elements.note.value })
        .then(function () { say('Retired: the coach no longer uses it.'); openSection(editing.id); }).catch(sectionFailed);
    });
    $('broadcast-count').addEventListener('click', function () {
      api('POST', '/broadcasts/count', segmentOf($('broadcast-form')))
        .then(function (c) { $('broadcast-matching').textContent = c.partners + ' partners'; })
        .catch(function (e) { $('broadcast-error').textContent = e.message; });
    });
    $('broadcast-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var f = ev.target;
      $('broadcast-error').textContent = '';
      api('POST', '/broadcasts', { name: f.elements['name'].value, templateSid: f.templateSid.value, body: f.body.value,
        segment: segmentOf(f) }).then(function () { f.reset(); loadBroadcasts(); })
        .catch(function (e) { $('broadcast-error').textContent = e.message; });
    });
    api('GET', '/me').then(signedIn).catch(function () { show('sign-in'); });
  });
})();
