/* The report's charts, part 3: which chart goes where. */
(function () {
  'use strict';

  R.safely('chart-trends', 'overview', C.trends);
  R.safely('chart-pyramid', 'pyramid', C.pyramid);
  R.safely('chart-pyramid-shares', 'pyramid', C.shares);
  R.safely('chart-portfolio', 'portfolio', C.portfolio);
  R.safely('chart-rfm-heatmap', 'rfm', C.rfmHeatmap);
  R.safely('chart-segments', 'rfm', C.segments);
  R.safely('chart-lifecycle', 'lifecycle', C.lifecycle);
  R.safely('chart-lifecycle-flow', 'lifecycle', function (d) {
    return d.flow ? R.flowOption(d.flow, d.fromName, d.toName) : null;
  });
  R.safely('chart-clusters', 'clusters', C.clusters);
  R.safely('chart-relationships', 'relationships', C.relationships);
  R.safely('chart-migration', 'migration', function (d) { return R.flowOption(d.tiers, d.fromTier, d.toTier); });
  R.safely('chart-quadrant-migration', 'migration', function (d) {
    return R.flowOption(d.quadrants, d.fromQuadrant, d.toQuadrant);
  });
  R.safely('chart-churn', 'churn', C.churn);
  R.safely('chart-p-alive', 'model', function (d) { return d.pAlive ? C.pAlive(d.pAlive) : null; });
  R.safely('chart-holdout', 'model', function (d) { return d.holdout ? C.holdout(d.holdout) : null; });
  R.safely('chart-actions', 'actions', C.actions);
  R.safely('chart-data-quality', 'data-quality', C.dataQuality);

  var PRINT_WIDTH = 660; // A4 minus 12 mm margins is 703 CSS px; minus the panel padding, 665
  window.addEventListener('resize', function () {
    R.charts.forEach(function (c) { c.resize(); });
  });
  // Printing: lay the charts out at the printable width of an A4 page so none is cut off.
  window.addEventListener('beforeprint', function () {
    R.charts.forEach(function (c) {
      if (c.getWidth() > PRINT_WIDTH) {
        c.resize({ width: PRINT_WIDTH });
      }
    });
  });
  window.addEventListener('afterprint', function () {
    R.charts.forEach(function (c) { c.resize(); });
  });
  // milliseconds from the start of the navigation to the last chart drawn (the browser test reads it)
  document.documentElement.setAttribute('data-render-ms', String(Math.round(performance.now())));
  document.documentElement.setAttribute('data-charts-rendered', String(R.charts.length));
})();
