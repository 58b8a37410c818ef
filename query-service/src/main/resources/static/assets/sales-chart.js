// Draws the store-sales chart with uPlot from the figures in the chart element's data attributes (the pages allow no
// inline scripts). The table beside it carries the same figures for screen readers and for a browser without script.
(function () {
  'use strict';

  function draw() {
    var element = document.getElementById('sales-chart');
    if (!element || typeof uPlot === 'undefined') {
      return;
    }
    var days = JSON.parse(element.dataset.days);
    var revenue = JSON.parse(element.dataset.revenue);
    var orders = JSON.parse(element.dataset.orders);
    var width = Math.max(320, Math.min(element.parentElement.clientWidth || 720, 960));
    var options = {
      width: width,
      height: 260,
      tzDate: function (seconds) { return uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'); },
      scales: { x: { time: true }, orders: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
      series: [
        {},
        { label: 'Revenue (' + element.dataset.currency + ')', stroke: '#2458c6', fill: 'rgba(36,88,198,0.12)', width: 2 },
        { label: 'Orders', stroke: '#1f7a3e', width: 2, scale: 'orders', points: { show: true } }
      ],
      axes: [{}, { label: element.dataset.currency }, { scale: 'orders', side: 1, label: 'Orders', grid: { show: false }, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] }]
    };
    new uPlot(options, [days, revenue, orders], element);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
