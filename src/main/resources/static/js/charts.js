// Draws every [data-chart-option] element with Apache ECharts; the option is JSON built by the server.
(function () {
  function draw() {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-chart-option]').forEach(function (el) {
      if (el.dataset.drawn) { return; }
      var chart = window.echarts.init(el);
      chart.setOption(JSON.parse(el.getAttribute('data-chart-option')));
      el.dataset.drawn = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
})();
