// Parts that need JavaScript (the region picker's name search) are hidden until it runs.
document.documentElement.classList.add('js');
// htmx requests carry the CSRF token from the page's meta tags (Spring Security checks it on every POST).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Buttons with data-confirm ask before submitting their form.
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var message = (button && button.dataset.confirm) || event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
// A refused form comes back with its errors listed at the top (#errors, each naming its field in data-field): each
// field named is marked and its message shown beside it, so the list and the field say the same thing. On a page of
// several forms sharing field names, #errors names the refused form (data-form), or the address it posted to
// (data-action: a form whose values could not be bound), and only its fields are marked.
document.addEventListener('DOMContentLoaded', function () {
  var box = document.getElementById('errors');
  var within = box && box.dataset.form ? '#' + CSS.escape(box.dataset.form) : 'main';
  if (box && !box.dataset.form && box.dataset.action
      && document.querySelector('main form[action="' + CSS.escape(box.dataset.action) + '"]')) {
    within = 'main form[action="' + CSS.escape(box.dataset.action) + '"]';
  }
  document.querySelectorAll('#errors li[data-field]').forEach(function (item) {
    var name = item.dataset.field;
    var field = name && document.querySelector(within + ' [name="' + CSS.escape(name) + '"]:not([type=hidden])');
    if (!field || field.classList.contains('is-invalid')) {
      return;
    }
    field.classList.add('is-invalid');
    field.setAttribute('aria-invalid', 'true');
    var feedback = document.createElement('div');
    feedback.className = 'invalid-feedback d-block';
    feedback.textContent = item.textContent;
    (field.closest('.input-group') || field).insertAdjacentElement('afterend', feedback);
  });
});
