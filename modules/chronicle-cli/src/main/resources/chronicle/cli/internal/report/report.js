/*
 * Draws a chronicle backtest report's charts with uPlot from the JSON in #chart-data, then checks that each one
 * drew: it counts, inside each plot area, the canvas pixels in the colours of the chart's series and writes the
 * counts into <body>:
 *   data-charts-drawn="equity:1234,drawdown:567,position-0:890,fills-0:1500,latency:321"  (a chart without data:
 *   "name:empty"), and data-series-drawn="equity.equity:1234,fills-0.mid:900,fills-0.buy:300,fills-0.sell:300,...".
 * Grid lines, axes and labels are not counted (other colours, or outside the plot area), so a chart with axes
 * but no data counts 0.
 */
(function () {
  'use strict';

  var COLOURS = {
    equity: '#2563eb', drawdown: '#dc2626', position: '#7c3aed', mid: '#64748b',
    buy: '#16a34a', sell: '#dc2626', latency: '#0891b2', p50: '#0f172a', p99: '#ea580c'
  };
  var HEIGHTS = { equity: 300, drawdown: 170, position: 170, fills: 320, latency: 240 };

  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var charts = [];
  var drawn = {};

  function utc(ts) {
    return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');
  }

  function pad(n, width) {
    var text = String(n);
    while (text.length < (width || 2)) {
      text = '0' + text;
    }
    return text;
  }

  function utcDay(d) {
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
  }

  function utcTime(d, incr) {
    var text = pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
    if (incr < 60) {
      text += ':' + pad(d.getUTCSeconds());
    }
    if (incr < 1) {
      text += '.' + pad(d.getUTCMilliseconds(), 3);
    }
    return text;
  }

  /* Tick labels in UTC, 24-hour: the time, with the date under the first tick of each day. */
  function timeTicks(u, splits, axisIdx, space, incr) {
    var previousDay = null;
    return splits.map(function (ts) {
      var d = new Date(ts * 1e3);
      var day = utcDay(d);
      var label = incr >= 86400 ? day : utcTime(d, incr) + (day !== previousDay ? '\n' + day : '');
      previousDay = day;
      return label;
    });
  }

  function cursorTime(u, ts) {
    if (ts == null) {
      return '--';
    }
    var d = new Date(ts * 1e3);
    return utcDay(d) + ' ' + utcTime(d, 0) + ' UTC';
  }

  function rgb(hex) {
    return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
  }

  function alpha(hex, a) {
    var c = rgb(hex);
    return 'rgba(' + c[0] + ',' + c[1] + ',' + c[2] + ',' + a + ')';
  }

  function number(v) {
    if (v == null) {
      return '';
    }
    var digits = Math.abs(v) >= 100 ? 2 : 6;
    return v.toLocaleString('en-US', { maximumFractionDigits: digits });
  }

  function axisValues(u, splits) {
    return splits.map(number);
  }

  /* Room for the longest tick label, so large amounts are never cut off. */
  function axisSize(u, values) {
    var longest = 0;
    (values || []).forEach(function (v) { longest = Math.max(longest, String(v).length); });
    return Math.max(48, longest * 7 + 22);
  }

  /* Data at a single instant gets a minute either side, not uPlot's default span of years. */
  function timeRange(u, min, max) {
    var xs = u.data[0];
    if (xs.length > 0 && xs[0] === xs[xs.length - 1]) {
      return [xs[0] - 60, xs[0] + 60];
    }
    return [min, max];
  }

  function withZero(u, min, max) {
    var lo = Math.min(min, 0);
    var hi = Math.max(max, 0);
    if (lo === hi) {
      return [lo - 1, hi + 1];
    }
    var pad = (hi - lo) * 0.06;
    return [lo < 0 ? lo - pad : lo, hi > 0 ? hi + pad : hi];
  }

  /* Counts the pixels of each checked colour inside the plot area. */
  function seriesPixels(u, checks) {
    var b = u.bbox;
    var w = Math.floor(b.width);
    var h = Math.floor(b.height);
    var counts = checks.map(function () { return 0; });
    if (w <= 0 || h <= 0) {
      return counts;
    }
    var px = u.ctx.getImageData(Math.round(b.left), Math.round(b.top), w, h).data;
    var targets = checks.map(function (c) { return rgb(c.colour); });
    for (var i = 0; i < px.length; i += 4) {
      if (px[i + 3] < 160) {
        continue;
      }
      for (var k = 0; k < targets.length; k++) {
        var t = targets[k];
        if (Math.abs(px[i] - t[0]) + Math.abs(px[i + 1] - t[1]) + Math.abs(px[i + 2] - t[2]) <= 40) {
          counts[k]++;
          break;
        }
      }
    }
    return counts;
  }

  function publish() {
    var perChart = [];
    var perSeries = [];
    document.querySelectorAll('.plot').forEach(function (el) {
      var name = el.id.replace(/^chart-/, '');
      if (el.hasAttribute('data-empty')) {
        perChart.push(name + ':empty');
        return;
      }
      var counts = drawn[name] || {};
      var total = 0;
      Object.keys(counts).forEach(function (series) {
        total += counts[series];
        perSeries.push(name + '.' + series + ':' + counts[series]);
      });
      perChart.push(name + ':' + total);
    });
    document.body.setAttribute('data-charts-drawn', perChart.join(','));
    document.body.setAttribute('data-series-drawn', perSeries.join(','));
  }

  function selfCheck(name, checks) {
    return function (u) {
      var counts = seriesPixels(u, checks);
      var byName = {};
      checks.forEach(function (c, k) { byName[c.name] = counts[k]; });
      drawn[name] = byName;
      publish();
    };
  }

  function create(name, el, height, opts, columns, checks, extraDraw) {
    opts.width = Math.max(320, el.clientWidth);
    opts.height = height;
    opts.hooks = { draw: (extraDraw ? [extraDraw] : []).concat([selfCheck(name, checks)]) };
    charts.push({ el: el, u: new uPlot(opts, columns, el), height: height });
  }

  function timeOpts(yRange) {
    return {
      tzDate: utc,
      cursor: { sync: { key: 'time' } },
      scales: { x: { time: true, range: timeRange }, y: yRange ? { range: yRange } : { auto: true } },
      axes: [
        { label: 'time (UTC)', labelSize: 20, values: timeTicks, size: 56 },
        { values: axisValues, size: axisSize }
      ]
    };
  }

  function line(name, label, colour, t, v, height, fillAlpha, yRange, paths) {
    var el = document.getElementById('chart-' + name);
    if (!el || el.hasAttribute('data-empty')) {
      return;
    }
    var opts = timeOpts(yRange);
    var series = { label: label, stroke: colour, width: 2, value: function (u, x) { return number(x); } };
    if (fillAlpha) {
      series.fill = alpha(colour, fillAlpha);
      if (yRange) {
        series.fillTo = function () { return 0; };
      }
    }
    if (paths) {
      series.paths = paths;
    }
    opts.series = [{ label: 'Time', value: cursorTime }, series];
    create(name, el, height, opts, [t, v], [{ name: name.replace(/-\d+$/, ''), colour: colour }]);
  }

  /* Triangles at each fill: up for buys, down for sells. */
  function markers(up) {
    return function (u, si, i0, i1) {
      var ratio = window.devicePixelRatio || 1;
      var r = 5 * ratio;
      var xs = u.data[0];
      var ys = u.data[si];
      var path = new Path2D();
      for (var i = i0; i <= i1; i++) {
        if (ys[i] == null) {
          continue;
        }
        var cx = u.valToPos(xs[i], 'x', true);
        var cy = u.valToPos(ys[i], 'y', true);
        var tip = up ? -r : r;
        path.moveTo(cx, cy + tip);
        path.lineTo(cx + r, cy - tip);
        path.lineTo(cx - r, cy - tip);
        path.closePath();
      }
      var clip = new Path2D();
      clip.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
      return { stroke: path, fill: path, clip: clip, flags: 0 };
    };
  }

  function fillSeries(label, colour, up) {
    return {
      label: label, stroke: colour, width: 0, paths: function () { return null; },
      value: function (u, x) { return number(x); },
      points: { show: true, size: 10, width: 1, stroke: colour, fill: colour, paths: markers(up) }
    };
  }

  function fills(instrument) {
    var name = 'fills-' + instrument.index;
    var el = document.getElementById('chart-' + name);
    if (!el || el.hasAttribute('data-empty')) {
      return;
    }
    var f = instrument.fills;
    var opts = timeOpts(null);
    opts.series = [{ label: 'Time', value: cursorTime },
      { label: 'Mid', stroke: COLOURS.mid, width: 1.5, spanGaps: true, points: { show: false },
        value: function (u, x) { return number(x); } },
      fillSeries('Buy', COLOURS.buy, true),
      fillSeries('Sell', COLOURS.sell, false)];
    var checks = [{ name: 'mid', colour: COLOURS.mid }];
    if (f.buy.some(function (x) { return x != null; })) {
      checks.push({ name: 'buy', colour: COLOURS.buy });
    }
    if (f.sell.some(function (x) { return x != null; })) {
      checks.push({ name: 'sell', colour: COLOURS.sell });
    }
    create(name, el, HEIGHTS.fills, opts, [f.t, f.mid, f.buy, f.sell], checks);
  }

  /* Dashed vertical lines at p50 and p99, labelled at the top of the plot. */
  function percentileMarks(lat) {
    return function (u) {
      var ctx = u.ctx;
      var ratio = window.devicePixelRatio || 1;
      [['p50', lat.p50, COLOURS.p50], ['p99', lat.p99, COLOURS.p99]].forEach(function (m, k) {
        var x = Math.round(u.valToPos(m[1], 'x', true));
        ctx.save();
        ctx.strokeStyle = m[2];
        ctx.fillStyle = m[2];
        ctx.lineWidth = 1.5 * ratio;
        ctx.setLineDash([5 * ratio, 4 * ratio]);
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.font = (12 * ratio) + 'px system-ui, sans-serif';
        var y = u.bbox.top + (14 + 16 * k) * ratio;
        var w = ctx.measureText(m[0]).width;
        ctx.fillStyle = 'rgba(255,255,255,0.85)';
        ctx.fillRect(x + 2 * ratio, y - 11 * ratio, w + 4 * ratio, 14 * ratio);
        ctx.fillStyle = m[2];
        ctx.fillText(m[0], x + 4 * ratio, y);
        ctx.restore();
      });
    };
  }

  function latency(lat) {
    var el = document.getElementById('chart-latency');
    if (!el || el.hasAttribute('data-empty')) {
      return;
    }
    var half = lat.width / 2;
    var opts = {
      cursor: { drag: { x: true, y: false } },
      scales: {
        x: { time: false, range: function (u, min, max) { return [min - half, max + half]; } },
        y: { range: function (u, min, max) { return [0, Math.max(1, max) * 1.08]; } }
      },
      axes: [
        { label: 'latency (µs)', labelSize: 20, values: axisValues },
        { label: 'orders', labelSize: 20, values: axisValues, size: axisSize }
      ],
      series: [
        { label: 'µs', value: function (u, x) { return x == null ? '' : number(x - half) + ' – ' + number(x + half); } },
        { label: 'Orders', stroke: COLOURS.latency, fill: COLOURS.latency, width: 1,
          paths: uPlot.paths.bars({ size: [0.9, 80], align: 0 }), points: { show: false } }
      ]
    };
    create('latency', el, HEIGHTS.latency, opts, [lat.x, lat.n],
      [{ name: 'orders', colour: COLOURS.latency }], percentileMarks(lat));
  }

  line('equity', 'Equity', COLOURS.equity, data.equity.t, data.equity.v, HEIGHTS.equity, 0.08, null, null);
  line('drawdown', 'Drawdown', COLOURS.drawdown, data.drawdown.t, data.drawdown.v, HEIGHTS.drawdown, 0.18,
    withZero, null);
  data.instruments.forEach(function (instrument) {
    line('position-' + instrument.index, 'Position', COLOURS.position, instrument.position.t,
      instrument.position.v, HEIGHTS.position, 0.15, withZero, uPlot.paths.stepped({ align: 1 }));
    fills(instrument);
  });
  latency(data.latency);
  publish();

  var pending = 0;
  window.addEventListener('resize', function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () {
      charts.forEach(function (c) { c.u.setSize({ width: Math.max(320, c.el.clientWidth), height: c.height }); });
    });
  });
})();
