/* The partner dashboard: everything comes from the companion API with the session token of this tab. */
(function () {
  'use strict';

  var S = window.SHISHA;
  var $ = function (id) { return document.getElementById(id); };

  var session = S.session.get();
  if (!session) {
    // protected page: without a session there is nothing to show
    window.location.replace('/login?next=/partner/dashboard');
    return;
  }

  var data = null;     // {dashboard, leads, leadsProblem}
  $('dash-status').textContent = S.t('dash.loading');

  function signOut() {
    S.session.clear();
    window.location.assign('/login');
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function rupees(amount) {
    var n = Number(amount || 0);
    return '\u20B9' + n.toLocaleString(S.lang() === 'hi' ? 'hi-IN' : 'en-IN', { maximumFractionDigits: 0 });
  }

  /*
   * Horizontal bars: label, bar scaled to max, value; a null value is a grey stub. HTML rather than SVG, so the labels
   * are body text at every width (an SVG scaled to its box drew them 2.5 times too big on a desktop, tiny on a phone).
   */
  function bars(box, rows, max, valueText) {
    clear(box);
    rows.forEach(function (row) {
      var group = document.createElement('div');
      group.className = 'bar-group';
      group.setAttribute('data-key', row.key);
      var label = document.createElement('span');
      label.className = 'bar-label';
      label.textContent = row.label;
      var track = document.createElement('span');
      track.className = 'track';
      var bar = document.createElement('span');
      bar.className = row.value === null ? 'bar empty' : 'bar';
      bar.style.width = row.value === null ? '4%' : Math.max(4, Math.round(100 * Math.min(row.value, max) / (max || 1))) + '%';
      track.appendChild(bar);
      var value = document.createElement('span');
      value.className = 'bar-value';
      value.textContent = valueText(row.value);
      group.appendChild(label);
      group.appendChild(track);
      group.appendChild(value);
      box.appendChild(group);
    });
  }

  function render() {
    if (!data) return;
    var d = data.dashboard;
    var hi = S.lang() === 'hi';
    var p = d.partner;
    $('p-name').textContent = p.name || p.phone;
    $('p-phone').textContent = p.phone;
    $('p-city').textContent = (hi && p.cityHi ? p.cityHi : p.city) || '\u2013';
    $('p-products').textContent = (p.products || []).map(function (code) { return S.t('product.' + code); }).join(', ') || '\u2013';
    $('points').textContent = d.points;
    $('streak').textContent = d.activity.streakDays;
    $('sales').textContent = d.activity.sales;

    var skills = d.strand.map(function (s) {
      return { key: s.skill, label: S.t('skill.' + s.skill), value: s.score };
    });
    bars($('strand-chart'), skills, 100, function (v) { return v === null ? '\u2013' : String(v); });
    $('strand-summary').textContent = skills.map(function (s) {
      return s.label + ': ' + (s.value === null ? S.t('dash.notAssessed') : s.value);
    }).join('; ');

    var e = d.earnings;
    var earnings = [{ key: 'thisMonth', label: S.t('dash.thisMonth'), value: Number(e.thisMonth) },
                    { key: 'total', label: S.t('dash.total'), value: Number(e.total) }];
    bars($('earnings-chart'), earnings, Math.max(1, Number(e.total)), rupees);
    $('earnings-summary').textContent = earnings.map(function (r) { return r.label + ': ' + rupees(r.value); }).join('; ');

    var badges = $('badges');
    clear(badges);
    if (!d.badges.length) badges.textContent = S.t('dash.noBadges');
    d.badges.forEach(function (b) {
      var span = document.createElement('span');
      span.className = 'badge';
      span.textContent = (hi ? b.nameHi : b.nameEn) + ' (+' + b.points + ')';
      badges.appendChild(span);
    });

    var quests = $('quests');
    clear(quests);
    d.quests.forEach(function (q, i) {
      var li = document.createElement('li');
      var label = document.createElement('label');
      label.setAttribute('for', 'quest-' + i);
      label.textContent = (hi ? q.nameHi : q.nameEn) + ' \u2013 ' + q.progress + '/' + q.target + (q.done ? ' \u2713' : '');
      var bar = document.createElement('progress');
      bar.id = 'quest-' + i;
      bar.max = q.target;
      bar.value = q.progress;
      li.appendChild(label);
      li.appendChild(bar);
      quests.appendChild(li);
    });

    var next = d.nextBestAction;
    $('next-action').textContent = hi ? next.textHi : next.textEn;

    var leads = $('leads');
    clear(leads);
    if (data.leadsProblem) {
      leads.appendChild(item(S.t(data.leadsProblem === 'profile_incomplete' ? 'dash.profileIncomplete' : 'dash.noLeads')));
    } else if (!data.leads.length) {
      leads.appendChild(item(S.t('dash.noLeads')));
    }
    (data.leads || []).forEach(function (l) {
      var li = document.createElement('li');
      li.className = 'lead';
      var head = document.createElement('p');
      head.textContent = l.name + ', ' + l.city + ' \u2013 ' + S.t('product.' + l.product) + ' ';
      var score = document.createElement('span');
      score.className = 'score';
      score.textContent = Math.round(l.score * 100) + (l.hot ? ' \u2022 ' + S.t('dash.hot') : '');
      head.appendChild(score);
      li.appendChild(head);
      if (l.pitchTip && l.pitchTip.text) {
        var tip = document.createElement('p');
        tip.className = 'tip';
        tip.textContent = l.pitchTip.text;
        li.appendChild(tip);
      }
      leads.appendChild(li);
    });
  }

  function item(text) {
    var li = document.createElement('li');
    li.textContent = text;
    return li;
  }

  function failed(status) {
    if (status === 401) {
      signOut();
      return;
    }
    $('dash-status').textContent = S.t('dash.error');
  }

  /* ---- calls through SHISHA: live tips as they come, then the searchable history ---- */

  function thumbs(callId, tip, box) {
    var up = document.createElement('button');
    var down = document.createElement('button');
    [[up, true, '\uD83D\uDC4D', 'dash.tipUseful'], [down, false, '\uD83D\uDC4E', 'dash.tipNotUseful']].forEach(function (b) {
      b[0].type = 'button';
      b[0].className = 'btn btn-outline thumb';
      b[0].textContent = b[2];
      b[0].setAttribute('aria-label', S.t(b[3]));
      b[0].setAttribute('aria-pressed', String(tip.useful === b[1]));
      b[0].addEventListener('click', function () {
        S.api('POST', '/calls/' + callId + '/tips/' + tip.id + '/feedback', { useful: b[1] }, session.token).then(function (r) {
          if (r.status === 204) {
            tip.useful = b[1];
            up.setAttribute('aria-pressed', String(b[1]));
            down.setAttribute('aria-pressed', String(!b[1]));
          }
        });
      });
      box.appendChild(b[0]);
    });
  }

  function tipItem(callId, tip) {
    var li = document.createElement('li');
    li.className = 'tip tip-' + tip.kind.toLowerCase();
    var kind = document.createElement('strong');
    kind.textContent = S.t('dash.tip.' + tip.kind) + ' ';
    li.appendChild(kind);
    if (tip.heard) {
      var heard = document.createElement('q');
      heard.textContent = tip.heard;
      li.appendChild(heard);
      li.appendChild(document.createTextNode(' '));
    }
    var text = document.createElement('span');
    text.textContent = tip.text;
    li.appendChild(text);
    if (tip.kind !== 'LISTENING_OFF') thumbs(callId, tip, li);
    return li;
  }

  /* The live stream: fetch rather than EventSource, which cannot send the session token. Reconnects after a drop. */
  function listen() {
    fetch('/api/v1/calls/live', { headers: { 'Authorization': 'Bearer ' + session.token, 'Accept': 'text/event-stream' } })
      .then(function (response) {
        if (response.status === 401) return signOut();
        if (!response.ok || !response.body) return;
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        var name = null;
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) return;
            buffer += decoder.decode(chunk.value, { stream: true });
            var lines = buffer.split('\n');
            buffer = lines.pop();
            lines.forEach(function (line) {
              if (line.indexOf('event:') === 0) name = line.slice(6).trim();
              else if (line.indexOf('data:') === 0) live(name, JSON.parse(line.slice(5)));
            });
            return pump();
          });
        }
        return pump();
      })
      .catch(function () { /* the stream dropped: listen again below */ })
      .then(function () { window.setTimeout(listen, 5000); });
  }

  function live(name, event) {
    var box = $('live-tips');
    if (name === 'tip' && event.tip) {
      box.insertBefore(tipItem(event.callId, event.tip), box.firstChild);
    } else if (name === 'ended') {
      var li = item(S.t('dash.callEnded') + ' ' + (event.summary || ''));
      li.className = 'tip-ended';
      box.insertBefore(li, box.firstChild);
      searchCalls();
    }
  }

  function minutes(seconds) {
    if (seconds === null || seconds === undefined) return '';
    return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
  }

  function showCall(id) {
    S.api('GET', '/calls/' + id, null, session.token).then(function (r) {
      if (r.status !== 200) return;
      var box = $('call-detail');
      clear(box);
      var title = document.createElement('h3');
      title.textContent = r.body.call.leadName;
      box.appendChild(title);
      if (r.body.summary) box.appendChild(item(r.body.summary));
      var tips = document.createElement('ul');
      tips.className = 'plain-list';
      r.body.tips.forEach(function (tip) { tips.appendChild(tipItem(id, tip)); });
      box.appendChild(tips);
      var transcript = document.createElement('ol');
      transcript.className = 'transcript';
      r.body.transcript.forEach(function (u) {
        transcript.appendChild(item(S.t('dash.speaker.' + u.speaker) + ': ' + u.words));
      });
      box.appendChild(transcript);
      box.hidden = false;
    });
  }

  function searchCalls() {
    var q = $('calls-q').value.trim();
    S.api('GET', '/calls?size=20' + (q ? '&q=' + encodeURIComponent(q) : ''), null, session.token).then(function (r) {
      if (r.status !== 200) return;
      var list = $('calls');
      clear(list);
      if (!r.body.items.length) list.appendChild(item(S.t(q ? 'dash.noCallsFound' : 'dash.noCalls')));
      r.body.items.forEach(function (c) {
        var li = document.createElement('li');
        var open = document.createElement('button');
        open.type = 'button';
        open.className = 'link-button';
        open.textContent = c.leadName + ' \u00B7 ' + S.t('dash.callStatus.' + c.status) + (c.seconds ? ' \u00B7 ' + minutes(c.seconds) : '')
          + ' \u00B7 ' + new Date(c.requestedAt).toLocaleDateString(S.lang() === 'hi' ? 'hi-IN' : 'en-IN');
        open.addEventListener('click', function () { showCall(c.id); });
        li.appendChild(open);
        list.appendChild(li);
      });
    });
  }

  $('calls-search').addEventListener('submit', function (e) {
    e.preventDefault();
    searchCalls();
  });
  searchCalls();
  listen();

  $('sign-out').addEventListener('click', signOut);
  document.addEventListener('shisha:language', render);

  S.config().then(function (c) {
    var chat = $('chat-link');
    if (c.whatsappUrl) chat.setAttribute('data-i18n', 'dash.chat');
    chat.textContent = S.t(chat.getAttribute('data-i18n'));
    if (c.appUrl) {
      $('app-link').href = c.appUrl;
      $('app-link').hidden = false;
    }
  });

  S.api('GET', '/dashboard', null, session.token).then(function (r) {
    if (r.status !== 200) return failed(r.status);
    data = { dashboard: r.body, leads: [], leadsProblem: null };
    return S.api('GET', '/leads?size=3', null, session.token).then(function (l) {
      if (l.status === 200) data.leads = l.body.items;
      else data.leadsProblem = (l.body && l.body.error) || 'error';
      render();
      $('dash-status').textContent = '';
      $('dash-content').hidden = false;
    });
  }, function () { $('dash-status').textContent = S.t('error.network'); });
})();
