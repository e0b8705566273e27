/* The partner dashboard: everything comes from the companion API with the session token of this tab. */
(function () {
  'use strict';

  var S = window.SHISHA;
  var $ = function (id) { return document.getElementById(id); };
  var SVG = 'http://www.w3.org/2000/svg';

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

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function rupees(amount) {
    var n = Number(amount || 0);
    return '\u20B9' + n.toLocaleString(S.lang() === 'hi' ? 'hi-IN' : 'en-IN', { maximumFractionDigits: 0 });
  }

  /* Horizontal bars: label on the left, bar scaled to max, value on the right; a null value is a grey stub. */
  function bars(svg, rows, max, valueText) {
    clear(svg);
    var rowHeight = 26;
    var labelWidth = 110;
    var barWidth = 320 - labelWidth - 50;
    svg.setAttribute('viewBox', '0 0 320 ' + (rows.length * rowHeight + 4));
    rows.forEach(function (row, i) {
      var y = i * rowHeight + 4;
      var g = el('g', { 'class': 'bar-group', 'data-key': row.key });
      g.appendChild(el('text', { x: 0, y: y + 14 }, row.label));
      g.appendChild(el('rect', { 'class': 'track', x: labelWidth, y: y + 3, width: barWidth, height: 14, rx: 7 }));
      var w = row.value === null ? 6 : Math.max(6, Math.round(barWidth * Math.min(row.value, max) / (max || 1)));
      g.appendChild(el('rect', { 'class': row.value === null ? 'bar empty' : 'bar', x: labelWidth, y: y + 3, width: w, height: 14, rx: 7 }));
      g.appendChild(el('text', { x: labelWidth + barWidth + 6, y: y + 14 }, valueText(row.value)));
      svg.appendChild(g);
    });
  }

  function render() {
    if (!data) return;
    var d = data.dashboard;
    var hi = S.lang() === 'hi';
    var p = d.partner;
    $('p-name').textContent = p.name || p.phone;
    $('p-phone').textContent = p.phone;
    $('p-city').textContent = p.city || '\u2013';
    $('p-products').textContent = (p.products || []).map(function (code) { return code.toLowerCase().replace(/_/g, ' '); }).join(', ') || '\u2013';
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
      head.textContent = l.name + ', ' + l.city + ' \u2013 ' + l.product.toLowerCase().replace(/_/g, ' ') + ' ';
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
