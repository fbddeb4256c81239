/* The report's charts, part 2: one option builder per chart, from its section's data. */
var C = (function () {
  'use strict';

  var T = R.T, fmt = R.fmt, esc = R.esc, compact = R.compact, color = R.color;

  function trends(d) {
    var series = d.tiers.map(function (t, i) {
      return { name: t.label, type: 'line', yAxisIndex: 0, symbolSize: 6, data: t.values,
        itemStyle: { color: color(R.TIER_COLORS, t.key, i) }, lineStyle: { width: 2 } };
    });
    series.push({ name: d.netSpendName, type: 'bar', yAxisIndex: 1, data: d.netSpend, barMaxWidth: 36,
      itemStyle: { color: 'rgba(232,89,12,0.22)' }, z: 1 });
    var all = [];
    d.tiers.forEach(function (t) { all = all.concat(t.values.filter(function (v) { return v != null && v > 0; })); });
    // tiers differ by two orders of magnitude: a log axis keeps the small top tiers readable
    var logY = all.length > 0 && Math.max.apply(null, all) / Math.min.apply(null, all) > 20;
    return {
      legend: { bottom: 0 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '–' : fmt.num.format(v); } },
      grid: { left: 70, right: 90, top: 40, bottom: 64 },
      xAxis: { type: 'category', data: d.dates, axisLabel: { hideOverlap: true } },
      yAxis: [
        { type: logY ? 'log' : 'value', name: logY ? T.customersLog : T.customers, axisLabel: { formatter: compact },
          splitLine: R.GRID_LINE },
        { type: 'value', name: d.netSpendName, nameTextStyle: { align: 'right' }, axisLabel: { formatter: compact },
          splitLine: { show: false } }
      ],
      series: series
    };
  }

  function pyramid(d) {
    var tiers = d.tiers;
    return {
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var t = tiers[p.dataIndex];
          return '<b>' + esc(t.label) + '</b><br>' + esc(T.customers) + ': ' + fmt.int.format(t.customers)
              + ' (' + fmt.pct.format(t.customerShare) + ')<br>' + esc(d.netSpendName) + ': '
              + fmt.money.format(t.netSpend) + ' (' + fmt.pct.format(t.spendShare) + ')';
        }
      },
      series: [{
        type: 'funnel', sort: 'ascending', left: '4%', top: 16, bottom: 16, width: '46%',
        minSize: '18%', maxSize: '100%', gap: 3,
        label: {
          show: true, position: 'right',
          formatter: function (p) {
            var t = tiers[p.dataIndex];
            return '{name|' + t.label + '}\n{detail|' + fmt.int.format(t.customers) + ' · '
                + fmt.pct.format(t.customerShare) + ' | ' + T.spendShort + ' ' + fmt.pct.format(t.spendShare) + '}';
          },
          rich: {
            name: { fontSize: 14, fontWeight: 'bold', lineHeight: 20, fontFamily: R.FONT },
            detail: { fontSize: 12, color: '#5f6b7a', lineHeight: 16, fontFamily: R.FONT }
          }
        },
        labelLine: { show: true, length: 14 },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        data: tiers.map(function (t, i) {
          return { name: t.label, value: i + 1, itemStyle: { color: color(R.TIER_COLORS, t.key, i) } };
        })
      }]
    };
  }

  function shares(d) {
    var tiers = d.tiers;
    var max = 0;
    tiers.forEach(function (t) { max = Math.max(max, t.customerShare, t.spendShare); });
    // room beyond the longest bar for its label
    var interval = max + 0.2 > 0.6 ? 0.2 : 0.1;
    max = Math.min(1.2, Math.ceil((max + 0.2) / interval - 1e-9) * interval);
    var pct = function (v) { return v === 0 ? '' : fmt.pct.format(Math.abs(v)); };
    var axisPct = function (v) { return Math.abs(v) > 1 + 1e-9 ? '' : fmt.pctInt.format(Math.abs(v)); };
    return {
      legend: { top: 0, data: [T.customerShare, d.spendShareName] },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: function (ps) {
          var t = tiers[ps[0].dataIndex];
          return '<b>' + esc(t.label) + '</b><br>' + esc(T.customerShare) + ': ' + fmt.pct.format(t.customerShare)
              + '<br>' + esc(d.spendShareName) + ': ' + fmt.pct.format(t.spendShare);
        }
      },
      grid: { left: 90, right: 30, top: 52, bottom: 30 },
      xAxis: { type: 'value', min: -max, max: max, interval: interval, axisLabel: { formatter: axisPct }, splitLine: R.GRID_LINE },
      yAxis: { type: 'category', inverse: true, data: tiers.map(function (t) { return t.label; }),
        axisLine: { onZero: false }, axisTick: { show: false }, axisLabel: { fontSize: 13 } },
      series: [
        { name: T.customerShare, type: 'bar', stack: 'share', barWidth: '60%', itemStyle: { color: '#8da2c0' },
          label: { show: true, position: 'left', formatter: function (p) { return pct(p.value); } },
          data: tiers.map(function (t) { return -t.customerShare; }) },
        { name: d.spendShareName, type: 'bar', stack: 'share', barWidth: '60%', itemStyle: { color: '#e8590c' },
          label: { show: true, position: 'right', formatter: function (p) { return pct(p.value); } },
          data: tiers.map(function (t) { return t.spendShare; }) }
      ]
    };
  }

  // about five ticks of 1, 2 or 5 times a power of ten
  function niceStep(span) {
    var raw = span / 5;
    var base = Math.pow(10, Math.floor(Math.log10(raw)));
    var f = raw / base;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * base;
  }

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

  function portfolio(pf) {
    var xs = [pf.xThreshold], ys = [pf.yThreshold];
    pf.series.forEach(function (s) {
      s.points.forEach(function (p) { xs.push(p[0]); ys.push(p[1]); });
    });
    var xMin = Math.min.apply(null, xs), xMax = Math.max.apply(null, xs);
    var yMin = Math.min.apply(null, ys), yMax = Math.max.apply(null, ys);
    var logX = xMin > 0 && xMax / xMin > 200;
    var xr = nice(xMin, xMax, logX);
    // an index of -1..1 keeps its range; a money axis gets round ends
    var yr = pf.yIndex ? [-1, 1, 0.5] : nice(yMin, yMax, false);
    var areaLabel = function (text, position) {
      return { show: true, position: position, formatter: text, fontSize: 18, fontWeight: 'bold',
        color: 'rgba(31,41,51,0.55)', fontFamily: R.FONT };
    };
    function area(key, x0, y0, x1, y1, position) {
      return [
        { name: pf.labels[key], xAxis: x0, yAxis: y0, itemStyle: { color: color(R.QUADRANT_COLORS, key, 0), opacity: 0.07 },
          label: areaLabel(pf.labels[key], position) },
        { xAxis: x1, yAxis: y1 }
      ];
    }
    var series = pf.series.map(function (s, i) {
      return { name: s.label, type: 'scatter', symbolSize: 6, large: false,
        itemStyle: { color: color(R.QUADRANT_COLORS, s.key, i), opacity: 0.65 },
        emphasis: { focus: 'series' }, data: s.points };
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
        silent: true, symbol: 'none', lineStyle: { color: '#344054', type: 'dashed', width: 1.5 },
        label: { show: true, fontFamily: R.FONT, color: '#344054',
          formatter: function (p) { return T.threshold + ' ' + compact(p.value); } },
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
          return '<b>' + esc(p.seriesName) + '</b><br>' + esc(pf.xAxis) + ': ' + fmt.num.format(p.value[0])
              + '<br>' + esc(pf.yAxis) + ': ' + fmt.num.format(p.value[1]);
        }
      },
      grid: { left: 70, right: 40, top: 40, bottom: 56 },
      xAxis: { type: logX ? 'log' : 'value', min: xr[0], max: xr[1], interval: logX ? undefined : xr[2], name: pf.xAxis,
        nameLocation: 'middle', nameGap: 30, axisLabel: { formatter: compact, hideOverlap: true }, splitLine: R.GRID_LINE },
      yAxis: { type: 'value', min: yr[0], max: yr[1], interval: yr[2], name: pf.yAxis, nameLocation: 'middle',
        nameGap: 46, axisLabel: { formatter: compact }, splitLine: R.GRID_LINE },
      series: series
    };
  }

  function rfmHeatmap(d) {
    var values = d.cells.map(function (c) { return c[2]; }).filter(function (v) { return v != null; });
    var scores = ['1', '2', '3', '4', '5'];
    return {
      tooltip: {
        formatter: function (p) {
          var c = p.value;
          return 'R ' + (c[1] + 1) + ' · F ' + (c[0] + 1) + '<br>' + esc(T.customers) + ': ' + fmt.int.format(c[3])
              + '<br>' + esc(d.meanNetSpendName) + ': ' + (c[2] == null ? '–' : fmt.money.format(c[2]));
        }
      },
      grid: { left: 64, right: 20, top: 14, bottom: 96 },
      xAxis: { type: 'category', data: scores, name: T.fScore, nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
      yAxis: { type: 'category', data: scores, name: T.rScore, nameLocation: 'middle', nameGap: 36, splitArea: { show: true } },
      visualMap: {
        type: 'continuous', dimension: 2, orient: 'horizontal', left: 0, bottom: 4, itemWidth: 14, itemHeight: 80,
        min: values.length ? Math.min.apply(null, values) : 0, max: values.length ? Math.max.apply(null, values) : 1,
        text: [d.meanNetSpendName, ''], calculable: false, formatter: compact,
        inRange: { color: ['#f1f5f9', '#a5c8e4', '#4a90c2', '#1d4e89'] }
      },
      series: [{
        type: 'heatmap', data: R.contrastCells(d.cells, 2),
        label: { show: true, fontSize: 13, fontWeight: 'bold', formatter: function (p) { return compact(p.value[3]); } },
        itemStyle: { borderColor: '#fff', borderWidth: 2 }
      }]
    };
  }

  function segments(d) {
    var segs = d.segments;
    var names = segs.map(function (s) { return s.label; });
    var bar = function (values, c) {
      return values.map(function (v) { return { value: v, itemStyle: { color: c } }; });
    };
    return {
      title: [
        { text: T.customers, left: 150, top: 0, textStyle: { fontSize: 13, fontFamily: R.FONT } },
        { text: d.netSpendName, left: '60%', top: 0, textStyle: { fontSize: 13, fontFamily: R.FONT } }
      ],
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: function (ps) {
          var s = segs[ps[0].dataIndex];
          return '<b>' + esc(s.label) + '</b><br>' + esc(T.customers) + ': ' + fmt.int.format(s.customers)
              + '<br>' + esc(d.netSpendName) + ': ' + fmt.money.format(s.netSpend);
        }
      },
      grid: [
        { left: 150, width: '30%', top: 28, bottom: 24 },
        { left: '60%', right: 60, top: 28, bottom: 24 }
      ],
      xAxis: [
        { type: 'value', gridIndex: 0, axisLabel: { formatter: compact, hideOverlap: true }, splitLine: R.GRID_LINE },
        { type: 'value', gridIndex: 1, axisLabel: { formatter: compact, hideOverlap: true }, splitLine: R.GRID_LINE }
      ],
      yAxis: [
        { type: 'category', gridIndex: 0, inverse: true, data: names, axisTick: { show: false },
          axisLabel: { fontSize: 12, width: 140, overflow: 'truncate' } },
        { type: 'category', gridIndex: 1, inverse: true, data: names, axisTick: { show: false }, axisLabel: { show: false } }
      ],
      series: [
        { name: T.customers, type: 'bar', xAxisIndex: 0, yAxisIndex: 0, barWidth: '62%',
          label: { show: true, position: 'right', formatter: function (p) { return compact(p.value); } },
          data: bar(segs.map(function (s) { return s.customers; }), '#4a7fc1') },
        { name: d.netSpendName, type: 'bar', xAxisIndex: 1, yAxisIndex: 1, barWidth: '62%',
          label: { show: true, position: 'right', formatter: function (p) { return compact(p.value); } },
          data: bar(segs.map(function (s) { return s.netSpend; }), '#e8590c') }
      ]
    };
  }

  function lifecycle(d) {
    var labels = d.stages.map(function (s) { return s.label; });
    var money = function (name, key, c) {
      return { name: name, type: 'bar', yAxisIndex: 1, barMaxWidth: 30, itemStyle: { color: c },
        data: d.stages.map(function (s) { return s[key]; }) };
    };
    return {
      legend: { bottom: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        valueFormatter: function (v) { return v == null ? '–' : fmt.num.format(v); } },
      grid: { left: 64, right: 70, top: 36, bottom: 70 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0 } },
      yAxis: [
        { type: 'value', name: T.customers, axisLabel: { formatter: compact }, splitLine: R.GRID_LINE },
        { type: 'value', axisLabel: { formatter: compact }, splitLine: { show: false } }
      ],
      series: [
        { name: T.customers, type: 'bar', yAxisIndex: 0, barMaxWidth: 30, itemStyle: { color: '#4a7fc1' },
          data: d.stages.map(function (s) { return s.customers; }) },
        money(d.netSpendName, 'netSpend', '#e8590c'),
        money(d.clvName, 'clv', '#f4a261')
      ]
    };
  }

  function clusters(d) {
    return {
      tooltip: {
        formatter: function (p) {
          var z = p.value[2];
          return esc(d.clusters[p.value[1]]) + '<br>' + esc(d.features[p.value[0]]) + ': '
              + (z == null ? '–' : fmt.two.format(z)) + ' ' + esc(T.sd);
        }
      },
      grid: { left: 290, right: 20, top: 10, bottom: 84 },
      xAxis: { type: 'category', data: d.features, axisLabel: { interval: 0 }, splitArea: { show: true } },
      yAxis: { type: 'category', data: d.clusters, inverse: true,
        axisLabel: { interval: 0, width: 280, overflow: 'break', lineHeight: 16 } },
      visualMap: {
        type: 'continuous', min: -2, max: 2, dimension: 2, orient: 'horizontal', left: 'center', bottom: 4,
        itemWidth: 14, itemHeight: 220, text: [T.aboveAverage, T.belowAverage], calculable: false,
        inRange: { color: ['#2166ac', '#92c5de', '#f7f7f7', '#f4a582', '#b2182b'] }
      },
      series: [{
        type: 'heatmap', data: d.cells,
        label: { show: true, formatter: function (p) { return p.value[2] == null ? '' : fmt.two.format(p.value[2]); } },
        itemStyle: { borderColor: '#fff', borderWidth: 2 }
      }]
    };
  }

  function relationships(d) {
    return {
      tooltip: {
        formatter: function (p) {
          var c = d.cells[p.dataIndex];
          return '<b>' + esc(c.level) + '</b><br>' + c.segments.map(esc).join('<br>');
        }
      },
      grid: { left: 120, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'category', data: d.x, splitArea: { show: true }, axisLabel: { fontWeight: 'bold' } },
      yAxis: { type: 'category', data: d.y, splitArea: { show: true }, axisLabel: { fontWeight: 'bold' } },
      visualMap: { show: false, min: 0, max: 4, dimension: 2, inRange: { color: ['#f8f9fa', '#d0ebff', '#74c0fc', '#339af0'] } },
      series: [{
        type: 'heatmap',
        data: d.cells.map(function (c) { return { value: c.value, level: c.level, segments: c.segments }; }),
        label: {
          show: true, lineHeight: 16,
          formatter: function (p) {
            var c = d.cells[p.dataIndex];
            return '{level|' + c.level + '}' + (c.segments.length ? '\n' + c.segments.join('\n') : '');
          },
          rich: { level: { fontWeight: 'bold', fontSize: 13, lineHeight: 20, fontFamily: R.FONT } }
        },
        itemStyle: { borderColor: '#fff', borderWidth: 3 }
      }]
    };
  }

  function churn(d) {
    var option = R.barsOption(d.groups, [
      { name: d.lostName, values: d.lost, color: '#d6336c', label: true }
    ], T.customers, 30);
    option.grid.right = 80;
    option.yAxis = [option.yAxis, { type: 'value', name: d.valueName, nameTextStyle: { align: 'right' },
      axisLabel: { formatter: compact }, splitLine: { show: false } }];
    option.series.push({ name: d.valueName, type: 'bar', yAxisIndex: 1, data: d.value, barMaxWidth: 42,
      itemStyle: { color: '#f4a261' } });
    return option;
  }

  function pAlive(d) {
    return R.barsOption(d.bands, [
      { name: d.activeName, values: d.active, color: '#1f78b4', stack: 'n' },
      { name: d.inactiveName, values: d.inactive, color: '#9aa5b1', stack: 'n' }
    ], T.customers, 0);
  }

  function holdout(d) {
    return R.barsOption(d.frequencies, [
      { name: d.actualName, values: d.actual, color: '#1f78b4' },
      { name: d.predictedName, values: d.predicted, color: '#e8590c' }
    ], T.meanPurchases, 0);
  }

  function actions(d) {
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: function (ps) {
          var i = ps[0].dataIndex;
          return '<b>' + esc(d.lists[i]) + '</b><br>' + esc(d.customersName) + ': ' + fmt.int.format(d.customers[i])
              + '<br>' + esc(d.shownName) + ': ' + fmt.int.format(d.shown[i]);
        } },
      grid: { left: 260, right: 60, top: 10, bottom: 40 },
      xAxis: { type: 'value', name: d.customersName, nameLocation: 'middle', nameGap: 26,
        axisLabel: { formatter: compact, hideOverlap: true }, splitLine: R.GRID_LINE },
      yAxis: { type: 'category', data: d.lists, inverse: true, axisTick: { show: false },
        axisLabel: { width: 250, overflow: 'break', fontSize: 13 } },
      series: [{ name: d.customersName, type: 'bar', barWidth: '55%', itemStyle: { color: '#1f78b4' },
        label: { show: true, position: 'right', formatter: function (p) { return fmt.int.format(p.value); } },
        data: d.customers }]
    };
  }

  function dataQuality(d) {
    var labels = d.outcomes.map(function (o) { return o.label; });
    var reasons = d.reasons.map(function (r) { return r.label; });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return fmt.int.format(v); } },
      title: [{ text: d.reasonsName, left: '52%', top: 0, textStyle: { fontSize: 13, fontFamily: R.FONT } }],
      grid: [{ left: 110, width: '30%', top: 28, bottom: 24 }, { left: '72%', right: 60, top: 28, bottom: 24 }],
      xAxis: [
        { type: 'value', gridIndex: 0, axisLabel: { formatter: compact, hideOverlap: true }, splitLine: R.GRID_LINE },
        { type: 'value', gridIndex: 1, axisLabel: { formatter: compact, hideOverlap: true }, splitLine: R.GRID_LINE }
      ],
      yAxis: [
        { type: 'category', gridIndex: 0, inverse: true, data: labels, axisTick: { show: false } },
        { type: 'category', gridIndex: 1, inverse: true, data: reasons.length ? reasons : ['–'], axisTick: { show: false },
          axisLabel: { width: 190, overflow: 'truncate' } }
      ],
      series: [
        { name: d.rowsName, type: 'bar', xAxisIndex: 0, yAxisIndex: 0, barWidth: '55%', itemStyle: { color: '#4a7fc1' },
          label: { show: true, position: 'right', formatter: function (p) { return compact(p.value); } },
          data: d.outcomes.map(function (o) { return o.rows; }) },
        { name: d.reasonsName, type: 'bar', xAxisIndex: 1, yAxisIndex: 1, barWidth: '55%', itemStyle: { color: '#d6336c' },
          label: { show: true, position: 'right', formatter: function (p) { return compact(p.value); } },
          data: d.reasons.length ? d.reasons.map(function (r) { return r.rows; }) : [0] }
      ]
    };
  }

  return {
    trends: trends, pyramid: pyramid, shares: shares, portfolio: portfolio, rfmHeatmap: rfmHeatmap,
    segments: segments, lifecycle: lifecycle, clusters: clusters, relationships: relationships, churn: churn,
    pAlive: pAlive, holdout: holdout, actions: actions, dataQuality: dataQuality
  };
})();
