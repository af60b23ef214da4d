/*
 * The insights dashboard's enhancements. The page is complete without them: every figure is in a table.
 *
 * Charts: above each <table data-chart="share|count|themes">, a chart drawn with Chart.js (lib/chartjs) from the
 * table's own cells. Columns whose header carries data-series="line|bar" are the series (on a share chart, bars are
 * counts on their own axis at the right, lines are percentages); a cell's data-value holds the
 * invariant number, and a withheld cell has none, so it is a gap, never a zero. The canvas is an image whose label
 * names the chart and points at the table; series differ by point style and dash as well as colour, and the legend
 * shows both.
 *
 * Live: where the page names a live topic (<main data-live-kind data-live-id>), the all-time figure of that topic is
 * kept current in [data-live-all-time], with the same privacy threshold as the page. Focus never moves, and nothing
 * is announced: the count changes too often to be read out.
 */
(function () {
  'use strict';
  var locale = document.documentElement.lang === 'fr' ? 'fr-CA' : 'en-CA';

  // Colours from the GC Design System's palette, each paired with a point style and a dash pattern.
  var STYLES = [
    { color: '#b3001b', point: 'triangle', dash: [8, 4] },
    { color: '#43474e', point: 'rect', dash: [2, 3] },
    { color: '#26374a', point: 'circle', dash: [] },
    { color: '#7532b8', point: 'rectRot', dash: [12, 3, 2, 3] }
  ];

  function number(cell) {
    var raw = cell ? cell.getAttribute('data-value') : null;
    if (raw === null || raw === '') {
      return null;
    }
    var value = parseFloat(raw);
    return isFinite(value) ? value : null;
  }

  function read(table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var series = [];
    headers.forEach(function (header, column) {
      var type = header.getAttribute('data-series');
      if (type) {
        series.push({ label: header.textContent.trim(), type: type, values: rows.map(function (row) { return number(row.cells[column]); }) });
      }
    });
    return { labels: rows.map(function (row) { return row.cells[0].textContent.trim(); }), series: series };
  }

  function draw(table) {
    var kind = table.getAttribute('data-chart');
    var data = read(table);
    if (!data.series.length || !data.labels.length) {
      return;
    }
    var figure = document.createElement('div');
    figure.className = 'eng-chart' + (kind === 'themes' ? ' eng-chart-themes' : '');
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', table.getAttribute('data-chart-label') || '');
    figure.appendChild(canvas);
    table.parentNode.insertBefore(figure, table);

    var share = kind === 'share';
    var datasets = data.series.map(function (s, i) {
      var counts = share && s.type === 'bar';
      var style = STYLES[data.series.length === 1 || (share && !counts) ? 2 : counts ? 1 : i % STYLES.length];
      return {
        yAxisID: counts ? 'y1' : 'y',
        order: s.type === 'line' ? 0 : 1,
        type: s.type,
        label: s.label,
        data: s.values,
        borderColor: style.color,
        backgroundColor: counts ? '#d6d9dd' : s.type === 'bar' ? style.color : '#fff',
        borderWidth: 2,
        borderDash: s.type === 'line' ? style.dash : [],
        pointStyle: style.point,
        pointRadius: 5,
        pointBorderWidth: 2,
        spanGaps: false
      };
    });
    new window.Chart(canvas, {
      type: datasets[0].type,
      data: { labels: data.labels, datasets: datasets },
      options: {
        indexAxis: kind === 'themes' ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: locale,
        plugins: {
          legend: { display: true, labels: { usePointStyle: true, color: '#333' } },
          tooltip: { enabled: true }
        },
        scales: {
          x: { ticks: { color: '#333' }, beginAtZero: true },
          y: {
            ticks: { color: '#333', callback: share ? function (v) { return v + ' %'; } : undefined },
            beginAtZero: true,
            max: share ? 100 : undefined
          },
          y1: { display: share, position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { color: '#333', precision: 0 } }
        }
      }
    });
  }

  if (window.Chart) {
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Array.prototype.forEach.call(document.querySelectorAll('table[data-chart]'), draw);
  }

  var main = document.querySelector('main[data-live-kind]');
  var allTime = document.querySelector('[data-live-all-time]');
  if (main && allTime && window.EngagementLive) {
    var kind = main.getAttribute('data-live-kind');
    var threshold = parseInt(allTime.getAttribute('data-threshold'), 10) || 5;
    window.EngagementLive.watch(kind, main.getAttribute('data-live-id'), function (snapshot) {
      var count = kind === 'service' ? snapshot.count
        : kind === 'survey' ? snapshot.responses
        : (snapshot.comments || 0) + (snapshot.replies || 0);
      if (typeof count !== 'number') {
        return;
      }
      var shown = count >= threshold ? count.toLocaleString(locale) : allTime.getAttribute('data-withheld');
      allTime.textContent = (allTime.getAttribute('data-template') || '{0}').replace('{0}', shown);
      allTime.hidden = false;
    });
  }
})();
