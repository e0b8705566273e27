/* The account forms: register (then confirm the phone), sign in, forgot and reset the password. */
(function () {
  'use strict';

  var S = window.SHISHA;
  var $ = function (id) { return document.getElementById(id); };

  function busy(form, on) {
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = on;
      button.setAttribute('aria-busy', on ? 'true' : 'false');
    }
  }

  /* Posts the form's fields (plus extra) and hands a 2xx answer to done; anything else is shown on the form (then failed). */
  function submit(form, path, extra, done, failed) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = S.values(form);
      Object.keys(extra || {}).forEach(function (k) { body[k] = typeof extra[k] === 'function' ? extra[k](body) : extra[k]; });
      S.clearErrors(form);
      busy(form, true);
      S.api('POST', path, body).then(function (r) {
        busy(form, false);
        if (r.status >= 200 && r.status < 300) done(r.body, body);
        else {
          S.showProblem(form, r.body || { message: 'HTTP ' + r.status });
          if (failed) failed(r.body || {}, body);
        }
      }, function () {
        busy(form, false);
        S.showProblem(form, null);
      });
    });
  }

  function signedIn(view) {
    S.session.save(view);
    window.location.assign(S.safeNext('/partner/dashboard'));
  }

  /* The confirm-your-phone step, shared by registering and by signing in to an unconfirmed account. */
  function showVerify(email, devCode, note) {
    var section = $('verify');
    section.hidden = false;
    $('verify-email').value = email;
    $('verify-note').textContent = devCode ? S.t('verify.devCode') + devCode : (note || '');
    $('verify-form-code').focus();
  }

  var verifyForm = $('verify-form');
  if (verifyForm) submit(verifyForm, '/portal/verify-phone', {}, signedIn);

  var register = $('register-form');
  if (register) {
    submit(register, '/portal/register', {
      phone: function (b) { return S.normalizePhone(b.phone); },
      language: function () { return S.lang(); }
    }, function (answer, sent) {
      $('register-note').textContent = answer.message;
      register.hidden = true;
      showVerify(sent.email, answer.devCode);
    });
  }

  var login = $('login-form');
  if (login) {
    submit(login, '/portal/login', {}, signedIn, function (problem, sent) {
      // an account whose phone is not confirmed yet: the server sent a new code, so ask for it right here
      if (problem.error === 'phone_not_verified') {
        var dev = /the code is (\d{6})/.exec(problem.message || '');
        showVerify(sent.email, dev ? dev[1] : null, problem.message);
      }
    });
  }

  var forgot = $('forgot-form');
  if (forgot) {
    submit(forgot, '/portal/forgot-password', { language: function () { return S.lang(); } }, function (answer, sent) {
      $('forgot-note').textContent = answer.message + (answer.devCode ? ' ' + S.t('verify.devCode') + answer.devCode : '');
      $('reset').hidden = false;
      $('reset-email').value = sent.email;
      $('reset-form-code').focus();
    });
  }

  var reset = $('reset-form');
  if (reset) submit(reset, '/portal/reset-password', {}, signedIn);
})();
