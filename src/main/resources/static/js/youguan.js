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
