/* The report's charts, part 1: data, number formats and drawing helpers. No network access of any
 * kind: everything the page shows is in #report-data. Every visible word comes from the data
 * (the message catalogue of the page's language). */
var R = (function () {
  'use strict';

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var FONT = "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', "
      + "'Hiragino Sans GB', 'Segoe UI', Roboto, Arial, sans-serif";
  var lang = data.lang;

  var fmt = {
    int: new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }),
    money: new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    num: new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }),
    two: new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    compact: new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }),
    pct: new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    pctInt: new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 })
  };

  var TIER_COLORS = { vip: '#6a3d9a', key: '#1f78b4', medium: '#33a02c', small: '#e6ab02',
    inactive: '#9aa5b1', 'new': '#66c2a5', lost: '#616e7c' };
  var QUADRANT_COLORS = { star: '#e8590c', question_mark: '#1c7ed6', cash_cow: '#2b8a3e', dog: '#868e96' };
  var OTHER_COLORS = ['#d6336c', '#0b7285', '#5f3dc4', '#a61e4d', '#495057'];
  var GRID_LINE = { lineStyle: { color: '#eef1f4' } };

  function color(map, key, i) {
    return map[key] || OTHER_COLORS[i % OTHER_COLORS.length];
  }

  function esc(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function compact(v) {
    return Math.abs(v) >= 10000 ? fmt.compact.format(v) : fmt.num.format(v);
  }

  var charts = [];

  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    option.animation = false;
    option.textStyle = { fontFamily: FONT, color: '#1f2933' };
    if (option.tooltip) {
      option.tooltip.textStyle = { fontFamily: FONT };
      option.tooltip.confine = true;
    }
    chart.setOption(option);
    el.setAttribute('data-rendered', 'true');
    charts.push(chart);
  }

  /** Draws a chart when its container and its data are on the page; marks the container on error. */
  function safely(id, section, fn) {
    var d = data.sections[section];
    if (!d || !document.getElementById(id)) {
      return;
    }
    try {
      var option = fn(d);
      if (option) {
        draw(id, option);
      }
    } catch (e) {
      document.getElementById(id).setAttribute('data-error', String(e && e.message || e));
      throw e;
    }
  }

  /** Heatmap cells as data items whose label colour contrasts with the cell colour. */
  function contrastCells(cells, dim) {
    var values = cells.map(function (c) { return c[dim]; }).filter(function (v) { return v != null; });
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    return cells.map(function (c) {
      var f = hi > lo && c[dim] != null ? (c[dim] - lo) / (hi - lo) : 0;
      return { value: c, label: { color: f > 0.55 ? '#ffffff' : '#111827' } };
    });
  }

  /** A from x to matrix (rows: where customers were; columns: where they are now). */
  function flowOption(m, fromName, toName) {
    var shares = m.cells.map(function (c) { return c[3]; });
    return {
      tooltip: {
        formatter: function (p) {
          var c = p.value;
          return esc(m.from[c[1]]) + ' → ' + esc(m.to[c[0]]) + '<br>' + esc(data.text.customers) + ': '
              + fmt.int.format(c[2]) + ' (' + fmt.pct.format(c[3]) + ')';
        }
      },
      grid: { left: 112, right: 16, top: 14, bottom: 100 },
      xAxis: { type: 'category', data: m.to, name: toName, nameLocation: 'middle', nameGap: 30, splitArea: { show: true },
        axisLabel: { interval: 0, hideOverlap: false, fontSize: 11 } },
      yAxis: { type: 'category', data: m.from, inverse: true, name: fromName, nameLocation: 'middle', nameGap: 98,
        splitArea: { show: true }, axisLabel: { interval: 0, fontSize: 11 } },
      visualMap: {
        type: 'continuous', dimension: 3, orient: 'horizontal', left: 'center', bottom: 4, itemWidth: 14, itemHeight: 200,
        min: 0, max: shares.length ? Math.max.apply(null, shares) : 1, calculable: false,
        text: [data.text.rowShare, ''], formatter: function (v) { return fmt.pct.format(v); },
        inRange: { color: ['#f8f9fa', '#ffd8a8', '#f76707', '#a63c06'] }
      },
      series: [{
        type: 'heatmap', data: contrastCells(m.cells, 3),
        label: { show: true, fontSize: 12, formatter: function (p) { return compact(p.value[2]); } },
        itemStyle: { borderColor: '#fff', borderWidth: 2 }
      }]
    };
  }

  /** Vertical bars, one series per {name, values, color}, over category labels. */
  function barsOption(categories, series, yName, rotate) {
    return {
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        valueFormatter: function (v) { return v == null ? '–' : fmt.num.format(v); } },
      grid: { left: 70, right: 24, top: 36, bottom: rotate ? 90 : 40 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: rotate || 0, fontSize: 11,
        width: rotate ? 150 : 110, overflow: 'truncate' } },
      yAxis: { type: 'value', name: yName, nameTextStyle: { align: 'left' }, axisLabel: { formatter: compact },
        splitLine: GRID_LINE },
      series: series.map(function (s) {
        return { name: s.name, type: 'bar', data: s.values, itemStyle: { color: s.color }, barMaxWidth: 42,
          stack: s.stack, label: { show: !!s.label, position: 'top', formatter: function (p) { return compact(p.value); } } };
      })
    };
  }

  return {
    data: data, T: data.text, FONT: FONT, fmt: fmt, esc: esc, compact: compact, color: color,
    TIER_COLORS: TIER_COLORS, QUADRANT_COLORS: QUADRANT_COLORS,
    GRID_LINE: GRID_LINE, charts: charts, safely: safely, contrastCells: contrastCells,
    flowOption: flowOption, barsOption: barsOption
  };
})();
