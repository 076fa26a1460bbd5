/* Operations page: the portal's /api/ops/* (fixed PromQL run by the portal against Prometheus),
   drawn with uPlot. The browser never talks to Prometheus itself. */
(function () {
  'use strict';

  var REFRESH_MS = 30000;
  var COLORS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d',
    '#ea580c', '#475569'];
  var charts = {};   // panel id -> {card, plot, names}

  function $(id) { return document.getElementById(id); }

  // An absolute URL from location.origin, which has no user info: on a page opened as
  // https://user:pw@host/ops, Chromium refuses fetch() of a relative URL (it inherits the credentials);
  // the browser still sends the basic-auth credentials it remembers for this origin.
  function getJson(path) {
    var init = {headers: {Accept: 'application/json'}, cache: 'no-store'};
    return fetch(location.origin + path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) { throw new Error(body.error || ('HTTP ' + r.status)); }
        return body;
      });
    });
  }

  function banner(text, bad) {
    var b = $('ops-banner');
    b.textContent = text;
    b.className = bad ? 'banner bad' : 'banner';
    b.hidden = !text;
  }

  function formatValue(unit, v) {
    if (v == null) { return '\u2013'; }
    var a = Math.abs(v);
    if (unit === 'bytes') {
      var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
      var i = 0;
      while (a >= 1024 && i < units.length - 1) { a /= 1024; v /= 1024; i++; }
      return v.toFixed(i === 0 ? 0 : 1) + ' ' + units[i];
    }
    var text = a >= 1e6 ? (v / 1e6).toFixed(1) + 'M' : a >= 1e4 ? (v / 1e3).toFixed(1) + 'k'
      : a >= 100 || v === Math.round(v) ? String(Math.round(v)) : v.toPrecision(3);
    return text + (unit === 'partitions' || unit === 'records' ? '' : ' ' + unit);
  }

  function card(panel) {
    var el = document.createElement('article');
    el.className = 'chart-card';
    el.setAttribute('data-panel', panel.id);
    el.setAttribute('data-state', 'loading');
    var h = document.createElement('h3');
    h.textContent = panel.title;
    var unit = document.createElement('span');
    unit.className = 'unit';
    unit.textContent = panel.unit;
    h.appendChild(unit);
    var plot = document.createElement('div');
    plot.className = 'chart';
    var note = document.createElement('div');
    note.className = 'chart-note';
    note.textContent = 'Loading\u2026';
    el.appendChild(h);
    el.appendChild(plot);
    el.appendChild(note);
    $('charts').appendChild(el);
    return {card: el, plotEl: plot, note: note, plot: null, names: '', unit: panel.unit};
  }

  function draw(c, data) {
    var series = data.series.filter(function (s) { return s.values.some(function (v) { return v != null; }); });
    var points = series.reduce(function (n, s) {
      return n + s.values.filter(function (v) { return v != null; }).length;
    }, 0);
    c.card.setAttribute('data-series', String(series.length));
    c.card.setAttribute('data-points', String(points));
    if (series.length === 0) {
      if (c.plot) { c.plot.destroy(); c.plot = null; c.names = ''; }
      c.card.setAttribute('data-state', 'empty');
      c.note.textContent = 'No data in the last hour (is the exporter scraped?)';
      c.note.hidden = false;
      return;
    }
    c.card.setAttribute('data-state', 'data');
    c.note.hidden = true;
    var aligned = [data.times].concat(series.map(function (s) { return s.values; }));
    var names = series.map(function (s) { return s.name; }).join('\n');
    if (c.plot && c.names === names) {
      c.plot.setData(aligned);
      return;
    }
    if (c.plot) { c.plot.destroy(); }
    var unit = c.unit;
    var opts = {
      width: Math.max(280, c.plotEl.clientWidth || 560),
      height: 200,
      legend: {live: true},
      scales: {x: {time: true}},
      axes: [
        {stroke: '#5d6b82', grid: {stroke: '#eef1f6'}},
        {stroke: '#5d6b82', grid: {stroke: '#eef1f6'}, size: 70,
          values: function (u, splits) { return splits.map(function (v) { return formatValue(unit, v); }); }}
      ],
      series: [{}].concat(series.map(function (s, i) {
        return {label: s.name, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: false,
          value: function (u, v) { return formatValue(unit, v); }};
      }))
    };
    c.plot = new uPlot(opts, aligned, c.plotEl);
    c.names = names;
  }

  function loadPanel(id) {
    var c = charts[id];
    return getJson('/api/ops/series?panel=' + encodeURIComponent(id)).then(function (data) {
      draw(c, data);
      return true;
    }).catch(function (e) {
      c.card.setAttribute('data-state', 'error');
      c.note.hidden = false;
      c.note.textContent = e.message;
      return false;
    });
  }

  function renderAlerts(alerts) {
    var list = $('alerts');
    while (list.firstChild) { list.removeChild(list.firstChild); }
    alerts.forEach(function (a) {
      var li = document.createElement('li');
      li.className = 'alert-item sev-' + (a.severity || 'none');
      li.setAttribute('data-alert', a.name);
      var head = document.createElement('div');
      head.className = 'alert-head';
      var sev = document.createElement('span');
      sev.className = 'sev';
      sev.textContent = a.severity || 'alert';
      var name = document.createElement('strong');
      name.textContent = a.name;
      var since = document.createElement('span');
      since.className = 'since';
      since.textContent = a.activeAt ? 'since ' + a.activeAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
      head.appendChild(sev);
      head.appendChild(name);
      head.appendChild(since);
      var summary = document.createElement('div');
      summary.className = 'alert-summary';
      summary.textContent = a.summary;
      var runbook = document.createElement('div');
      runbook.className = 'alert-runbook';
      runbook.textContent = a.description;
      li.appendChild(head);
      li.appendChild(summary);
      li.appendChild(runbook);
      list.appendChild(li);
    });
    list.setAttribute('data-state', 'loaded');
    $('alerts-count').textContent = '(' + alerts.length + ')';
    $('alerts-empty').hidden = alerts.length !== 0;
  }

  function loadAlerts() {
    return getJson('/api/ops/alerts').then(function (body) {
      renderAlerts(body.alerts);
      return true;
    }).catch(function (e) {
      $('alerts').setAttribute('data-state', 'error');
      banner('Prometheus: ' + e.message, true);
      return false;
    });
  }

  function refresh(ids) {
    var all = [loadAlerts()].concat(ids.map(loadPanel));
    Promise.all(all).then(function (ok) {
      if (ok.every(Boolean)) { banner('', false); }
      $('ops-updated').textContent = 'Updated ' + new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
      document.body.setAttribute('data-refreshed', String(Date.now()));
    });
  }

  function start() {
    getJson('/api/ops/panels').then(function (body) {
      if (!body.configured) {
        banner('Prometheus is not configured: start the portal with --prometheus-url URL '
          + '(Ansible: portal_prometheus_url) to see the charts and alerts here.', false);
        $('ops-banner').setAttribute('data-reason', 'not-configured');
        $('alerts').setAttribute('data-state', 'not-configured');
        $('ops-source').textContent = 'No Prometheus configured';
        return;
      }
      $('ops-source').textContent = 'Prometheus ' + body.prometheus + ', last '
        + Math.round(body.windowSeconds / 60) + ' minutes';
      var ids = body.panels.map(function (p) { charts[p.id] = card(p); return p.id; });
      refresh(ids);
      setInterval(function () { refresh(ids); }, REFRESH_MS);
    }).catch(function (e) {
      banner('Cannot load the operations page: ' + e.message, true);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
