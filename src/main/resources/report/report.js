/* Draws the report's charts from the JSON in #report-data. No network access of any kind. */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var T = data.text;
  var FONT = "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', "
      + "'Hiragino Sans GB', 'Segoe UI', Roboto, Arial, sans-serif";
  // A4 minus 12 mm margins is 703 CSS px; minus the panel padding and border, 665
  var PRINT_WIDTH = 660;

  var intFmt = new Intl.NumberFormat(data.lang, { maximumFractionDigits: 0 });
  var moneyFmt = new Intl.NumberFormat(data.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var numFmt = new Intl.NumberFormat(data.lang, { maximumFractionDigits: 2 });
  var compactFmt = new Intl.NumberFormat(data.lang, { notation: 'compact', maximumFractionDigits: 1 });
  var pctFmt = new Intl.NumberFormat(data.lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var pctInt = new Intl.NumberFormat(data.lang, { style: 'percent', maximumFractionDigits: 0 });

  var TIER_COLORS = { vip: '#6a3d9a', key: '#1f78b4', medium: '#33a02c', small: '#e6ab02',
    inactive: '#9aa5b1', 'new': '#66c2a5', lost: '#616e7c' };
  var QUADRANT_COLORS = { star: '#e8590c', question_mark: '#1c7ed6', cash_cow: '#2b8a3e', dog: '#868e96' };
  var OTHER_COLORS = ['#d6336c', '#0b7285', '#5f3dc4', '#a61e4d', '#495057'];

  function color(map, key, i) {
    return map[key] || OTHER_COLORS[i % OTHER_COLORS.length];
  }

  function esc(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function compact(v) {
    return Math.abs(v) >= 10000 ? compactFmt.format(v) : numFmt.format(v);
  }

  var charts = [];

  /** Heatmap cells as data items whose label colour contrasts with the cell colour. */
  function contrastCells(cells, dim) {
    var values = cells.map(function (c) { return c[dim]; }).filter(function (v) { return v != null; });
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    return cells.map(function (c) {
      var f = hi > lo && c[dim] != null ? (c[dim] - lo) / (hi - lo) : 0;
      return { value: c, label: { color: f > 0.55 ? '#ffffff' : '#111827' } };
    });
  }

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
    }
    chart.setOption(option);
    el.setAttribute('data-rendered', 'true');
    charts.push(chart);
  }

  function safely(id, fn) {
    try {
      if (document.getElementById(id)) {
        draw(id, fn());
      }
    } catch (e) {
      var el = document.getElementById(id);
      if (el) {
        el.setAttribute('data-error', String(e && e.message || e));
      }
      throw e;
    }
  }

  /* ---- value pyramid ---- */

  function pyramidOption() {
    var tiers = data.pyramid;
    var n = tiers.length;
    return {
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var t = tiers[p.dataIndex];
          return '<b>' + esc(t.label) + '</b><br>' + esc(T.customers) + ': ' + intFmt.format(t.customers)
              + ' (' + pctFmt.format(t.customerShare) + ')<br>' + esc(T.revenue) + ': '
              + moneyFmt.format(t.revenue) + ' (' + pctFmt.format(t.revenueShare) + ')';
        }
      },
      series: [{
        type: 'funnel',
        sort: 'ascending',
        left: '4%',
        top: 16,
        bottom: 16,
        width: '46%',
        minSize: '18%',
        maxSize: '100%',
        gap: 3,
        label: {
          show: true,
          position: 'right',
          formatter: function (p) {
            var t = tiers[p.dataIndex];
            return '{name|' + t.label + '}\n{detail|' + intFmt.format(t.customers) + ' · '
                + pctFmt.format(t.customerShare) + ' | ' + T.revenueShare + ' ' + pctFmt.format(t.revenueShare) + '}';
          },
          rich: {
            name: { fontSize: 14, fontWeight: 'bold', lineHeight: 20, fontFamily: FONT },
            detail: { fontSize: 12, color: '#5f6b7a', lineHeight: 16, fontFamily: FONT }
          }
        },
        labelLine: { show: true, length: 14 },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        data: tiers.map(function (t, i) {
          return { name: t.label, value: i + 1, itemStyle: { color: color(TIER_COLORS, t.key, i) } };
        })
      }]
    };
  }

  function sharesOption() {
    var tiers = data.pyramid;
    var max = 0;
    tiers.forEach(function (t) {
      max = Math.max(max, t.customerShare, t.revenueShare);
    });
    // room beyond the longest bar for its label
    var interval = max + 0.2 > 0.6 ? 0.2 : 0.1;
    max = Math.min(1.2, Math.ceil((max + 0.2) / interval - 1e-9) * interval);
    var pct = function (v) {
      return v === 0 ? '' : pctFmt.format(Math.abs(v));
    };
    var axisPct = function (v) {
      return Math.abs(v) > 1 + 1e-9 ? '' : pctInt.format(Math.abs(v));
    };
    return {
      legend: { top: 0, data: [T.customerShare, T.revenueShare] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: function (ps) {
          var t = tiers[ps[0].dataIndex];
          return '<b>' + esc(t.label) + '</b><br>' + esc(T.customerShare) + ': ' + pctFmt.format(t.customerShare)
              + '<br>' + esc(T.revenueShare) + ': ' + pctFmt.format(t.revenueShare);
        }
      },
      grid: { left: 90, right: 30, top: 36, bottom: 30 },
      xAxis: { type: 'value', min: -max, max: max, interval: interval, axisLabel: { formatter: axisPct }, splitLine: { lineStyle: { color: '#eef1f4' } } },
      yAxis: {
        type: 'category', inverse: true, data: tiers.map(function (t) { return t.label; }),
        axisLine: { onZero: false }, axisTick: { show: false }, axisLabel: { fontSize: 13 }
      },
      series: [
        {
          name: T.customerShare, type: 'bar', stack: 'share', barWidth: '60%',
          itemStyle: { color: '#8da2c0' },
          label: { show: true, position: 'left', formatter: function (p) { return pct(p.value); } },
          data: tiers.map(function (t) { return -t.customerShare; })
        },
        {
          name: T.revenueShare, type: 'bar', stack: 'share', barWidth: '60%',
          itemStyle: { color: '#e8590c' },
          label: { show: true, position: 'right', formatter: function (p) { return pct(p.value); } },
          data: tiers.map(function (t) { return t.revenueShare; })
        }
      ]
    };
  }

  /* ---- portfolio matrix ---- */

  function portfolioOption() {
    var pf = data.portfolio;
    var xs = [pf.xThreshold];
    var ys = [pf.yThreshold];
    pf.series.forEach(function (s) {
      s.points.forEach(function (p) {
        xs.push(p[0]);
        ys.push(p[1]);
      });
    });
    var xMin = Math.min.apply(null, xs), xMax = Math.max.apply(null, xs);
    var yMin = Math.min.apply(null, ys), yMax = Math.max.apply(null, ys);
    var logX = xMin > 0 && xMax / xMin > 200;
    // round axis ends: powers of ten on a log axis, multiples of a nice step otherwise
    function nice(lo, hi, log) {
      if (log) {
        return [Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi)))];
      }
      var step = niceStep(hi - lo || Math.abs(hi) || 1);
      var a = Math.floor(lo / step) * step;
      var b = Math.ceil(hi / step) * step;
      return [a === lo && lo !== 0 ? a - step : a, b === hi ? b + step : b, step];
    }
    // about five ticks of 1, 2 or 5 times a power of ten
    function niceStep(span) {
      var raw = span / 5;
      var base = Math.pow(10, Math.floor(Math.log10(raw)));
      var f = raw / base;
      return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * base;
    }
    var xr = nice(xMin, xMax, logX);
    var yr = nice(yMin, yMax, false);
    var areaLabel = function (text, position) {
      return { show: true, position: position, formatter: text, fontSize: 18, fontWeight: 'bold',
        color: 'rgba(31,41,51,0.55)', fontFamily: FONT };
    };
    function area(key, x0, y0, x1, y1, position) {
      return [
        { name: pf.labels[key], xAxis: x0, yAxis: y0, itemStyle: { color: color(QUADRANT_COLORS, key, 0), opacity: 0.07 },
          label: areaLabel(pf.labels[key], position) },
        { xAxis: x1, yAxis: y1 }
      ];
    }
    var series = pf.series.map(function (s, i) {
      return {
        name: s.label, type: 'scatter', symbolSize: 6, large: false,
        itemStyle: { color: color(QUADRANT_COLORS, s.key, i), opacity: 0.65 },
        emphasis: { focus: 'series' },
        data: s.points
      };
    });
    series.push({
      name: '_frame', type: 'scatter', data: [], silent: true, tooltip: { show: false },
      markArea: {
        silent: true,
        data: [
          area('question_mark', xr[0], yr[1], pf.xThreshold, pf.yThreshold, 'insideTopLeft'),
          area('star', pf.xThreshold, yr[1], xr[1], pf.yThreshold, 'insideTopRight'),
          area('dog', xr[0], pf.yThreshold, pf.xThreshold, yr[0], 'insideBottomLeft'),
          area('cash_cow', pf.xThreshold, pf.yThreshold, xr[1], yr[0], 'insideBottomRight')
        ]
      },
      markLine: {
        silent: true, symbol: 'none',
        lineStyle: { color: '#344054', type: 'dashed', width: 1.5 },
        label: { show: true, fontFamily: FONT, color: '#344054', formatter: function (p) {
          return T.threshold + ' ' + compact(p.value);
        } },
        data: [
          { xAxis: pf.xThreshold, label: { position: 'end' } },
          { yAxis: pf.yThreshold, label: { position: 'insideEndTop' } }
        ]
      }
    });
    return {
      legend: { top: 0, data: pf.series.map(function (s) { return s.label; }) },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return '<b>' + esc(p.seriesName) + '</b><br>' + esc(pf.xAxis) + ': ' + numFmt.format(p.value[0])
              + '<br>' + esc(pf.yAxis) + ': ' + numFmt.format(p.value[1]);
        }
      },
      grid: { left: 70, right: 40, top: 40, bottom: 56 },
      xAxis: {
        type: logX ? 'log' : 'value', min: xr[0], max: xr[1], interval: logX ? undefined : xr[2], name: pf.xAxis, nameLocation: 'middle', nameGap: 30,
        axisLabel: { formatter: compact, hideOverlap: true }, splitLine: { lineStyle: { color: '#eef1f4' } }
      },
      yAxis: {
        type: 'value', min: yr[0], max: yr[1], interval: yr[2], name: pf.yAxis, nameLocation: 'middle', nameGap: 52,
        axisLabel: { formatter: compact }, splitLine: { lineStyle: { color: '#eef1f4' } }
      },
      series: series
    };
  }

  /* ---- RFM heatmap ---- */

  function rfmOption() {
    var cells = data.rfm;
    var values = cells.map(function (c) { return c[2]; });
    var scores = ['1', '2', '3', '4', '5'];
    return {
      tooltip: {
        formatter: function (p) {
          var c = p.value;
          return 'R ' + (c[1] + 1) + ' · F ' + (c[0] + 1) + '<br>' + esc(T.customers) + ': ' + intFmt.format(c[3])
              + '<br>' + esc(T.meanMonetary) + ': ' + moneyFmt.format(c[2]);
        }
      },
      grid: { left: 64, right: 20, top: 14, bottom: 96 },
      xAxis: { type: 'category', data: scores, name: T.fScore, nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
      yAxis: { type: 'category', data: scores, name: T.rScore, nameLocation: 'middle', nameGap: 36, splitArea: { show: true } },
      visualMap: {
        type: 'continuous', dimension: 2, orient: 'horizontal', left: 'center', bottom: 4, itemWidth: 14, itemHeight: 200,
        min: values.length ? Math.min.apply(null, values) : 0, max: values.length ? Math.max.apply(null, values) : 1,
        text: [T.meanMonetary, ''], calculable: false, formatter: compact,
        inRange: { color: ['#f1f5f9', '#a5c8e4', '#4a90c2', '#1d4e89'] }
      },
      series: [{
        type: 'heatmap', data: contrastCells(cells, 2),
        label: {
          show: true, fontSize: 13, fontWeight: 'bold',
          formatter: function (p) { return compact(p.value[3]); }
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2 }
      }]
    };
  }

  /* ---- RFM segments ---- */

  function segmentsOption() {
    var segs = data.segments;
    var names = segs.map(function (s) { return s.label; });
    var bar = function (values, c) {
      return values.map(function (v) { return { value: v, itemStyle: { color: c } }; });
    };
    return {
      title: [
        { text: T.customers, left: '20%', top: 0, textStyle: { fontSize: 13, fontFamily: FONT } },
        { text: T.revenue, left: '62%', top: 0, textStyle: { fontSize: 13, fontFamily: FONT } }
      ],
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: function (ps) {
          var s = segs[ps[0].dataIndex];
          return '<b>' + esc(s.label) + '</b><br>' + esc(T.customers) + ': ' + intFmt.format(s.customers)
              + '<br>' + esc(T.revenue) + ': ' + moneyFmt.format(s.revenue);
        }
      },
      grid: [
        { left: 150, width: '34%', top: 28, bottom: 24 },
        { left: '62%', right: 70, top: 28, bottom: 24 }
      ],
      xAxis: [
        { type: 'value', gridIndex: 0, axisLabel: { formatter: compact, hideOverlap: true }, splitLine: { lineStyle: { color: '#eef1f4' } } },
        { type: 'value', gridIndex: 1, axisLabel: { formatter: compact, hideOverlap: true }, splitLine: { lineStyle: { color: '#eef1f4' } } }
      ],
      yAxis: [
        { type: 'category', gridIndex: 0, inverse: true, data: names, axisTick: { show: false }, axisLabel: { fontSize: 12, width: 140, overflow: 'truncate' } },
        { type: 'category', gridIndex: 1, inverse: true, data: names, axisTick: { show: false }, axisLabel: { show: false } }
      ],
      series: [
        { name: T.customers, type: 'bar', xAxisIndex: 0, yAxisIndex: 0, barWidth: '62%',
          label: { show: true, position: 'right', formatter: function (p) { return compact(p.value); } },
          data: bar(segs.map(function (s) { return s.customers; }), '#4a7fc1') },
        { name: T.revenue, type: 'bar', xAxisIndex: 1, yAxisIndex: 1, barWidth: '62%',
          label: { show: true, position: 'right', formatter: function (p) { return compact(p.value); } },
          data: bar(segs.map(function (s) { return s.revenue; }), '#e8590c') }
      ]
    };
  }

  /* ---- tier migration ---- */

  function migrationOption() {
    var m = data.migration;
    var shares = m.cells.map(function (c) { return c[3]; });
    return {
      tooltip: {
        formatter: function (p) {
          var c = p.value;
          return esc(m.from[c[1]]) + ' → ' + esc(m.to[c[0]]) + '<br>' + esc(T.customers) + ': ' + intFmt.format(c[2])
              + ' (' + pctFmt.format(c[3]) + ')';
        }
      },
      grid: { left: 84, right: 20, top: 14, bottom: 96 },
      xAxis: { type: 'category', data: m.to, name: T.to, nameLocation: 'middle', nameGap: 28, splitArea: { show: true },
        axisLabel: { interval: 0, hideOverlap: false } },
      yAxis: { type: 'category', data: m.from, inverse: true, name: T.from, nameLocation: 'middle', nameGap: 66,
        splitArea: { show: true }, axisLabel: { interval: 0 } },
      visualMap: {
        type: 'continuous', dimension: 3, orient: 'horizontal', left: 'center', bottom: 4, itemWidth: 14, itemHeight: 200,
        min: 0, max: shares.length ? Math.max.apply(null, shares) : 1, calculable: false,
        text: [T.rowShare, ''], formatter: function (v) { return pctFmt.format(v); },
        inRange: { color: ['#f8f9fa', '#ffd8a8', '#f76707', '#a63c06'] }
      },
      series: [{
        type: 'heatmap', data: contrastCells(m.cells, 3),
        label: {
          show: true, fontSize: 12,
          formatter: function (p) { return compact(p.value[2]); }
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2 }
      }]
    };
  }

  /* ---- trends ---- */

  function trendsOption() {
    var tr = data.trends;
    var series = tr.tiers.map(function (t, i) {
      return { name: t.label, type: 'line', yAxisIndex: 0, symbolSize: 6, data: t.values,
        itemStyle: { color: color(TIER_COLORS, t.key, i) }, lineStyle: { width: 2 } };
    });
    series.push({ name: T.revenue, type: 'bar', yAxisIndex: 1, data: tr.revenue, barMaxWidth: 36,
      itemStyle: { color: 'rgba(232,89,12,0.22)' }, z: 1 });
    var all = [];
    tr.tiers.forEach(function (t) { all = all.concat(t.values.filter(function (v) { return v != null; })); });
    // tiers differ by two orders of magnitude: a log axis keeps the small top tiers readable
    var logY = all.length > 0 && Math.min.apply(null, all) > 0 && Math.max.apply(null, all) / Math.min.apply(null, all) > 20;
    return {
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return numFmt.format(v); } },
      grid: { left: 70, right: 80, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: tr.dates, axisLabel: { hideOverlap: true } },
      yAxis: [
        { type: logY ? 'log' : 'value', name: logY ? T.customersLog : T.customers, axisLabel: { formatter: compact },
          splitLine: { lineStyle: { color: '#eef1f4' } } },
        { type: 'value', name: T.revenue, axisLabel: { formatter: compact }, splitLine: { show: false } }
      ],
      series: series
    };
  }

  if (data.pyramid) {
    safely('chart-pyramid', pyramidOption);
    safely('chart-pyramid-shares', sharesOption);
  }
  if (data.portfolio) {
    safely('chart-portfolio', portfolioOption);
  }
  if (data.rfm) {
    safely('chart-rfm-heatmap', rfmOption);
  }
  if (data.segments) {
    safely('chart-segments', segmentsOption);
  }
  if (data.migration) {
    safely('chart-migration', migrationOption);
  }
  if (data.trends) {
    safely('chart-trends', trendsOption);
  }

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
  // Printing: lay the charts out at the printable width of an A4 page so none is cut off.
  window.addEventListener('beforeprint', function () {
    charts.forEach(function (c) {
      if (c.getWidth() > PRINT_WIDTH) {
        c.resize({ width: PRINT_WIDTH });
      }
    });
  });
  window.addEventListener('afterprint', function () {
    charts.forEach(function (c) { c.resize(); });
  });
  document.documentElement.setAttribute('data-charts-rendered', String(charts.length));
})();
