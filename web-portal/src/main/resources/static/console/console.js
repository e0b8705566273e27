/* The SHISHA console. Partner text is shown with textContent only: it is whatever anyone typed on WhatsApp. */
(function () {
  'use strict';
  var me = null;
  var current = null; // the open handoff's id
  var poll = null;

  function $(id) { return document.getElementById(id); }

  function api(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (method !== 'GET') { init.headers['X-Console-Request'] = '1'; }
    if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch('/console/api' + path, init).then(function (r) {
      if (r.status === 204) { return null; }
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          var e = new Error(json.message || ('HTTP ' + r.status)); e.status = r.status; e.code = json.error; throw e;
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
    ['sign-in', 'overview', 'queue', 'handoff', 'imports', 'broadcasts', 'staff', 'audit'].forEach(function (v) { $('view-' + v).hidden = v !== view; });
    document.querySelectorAll('#nav a').forEach(function (a) {
      if (a.dataset.view === view || (view === 'handoff' && a.dataset.view === 'queue')) { a.setAttribute('aria-current', 'page'); }
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
