// Vehicle Pressure Monitor page: one row per vehicle, kept live by server-sent events.
// No libraries: the chart is a small SVG drawn here.
'use strict';

(function () {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const CHART_WIDTH = 160;
  const CHART_HEIGHT = 34;

  const state = {
    vehicles: new Map(),   // vehicleId -> vehicle JSON from the stream (with points)
    rows: new Map(),       // vehicleId -> <tr>
    filter: '',
    sort: { key: 'vehicle', dir: 1 },
    clockSkew: 0,          // server time minus browser time, ms
    chartStart: null,      // shared time axis of every row's chart: earliest point .. now
    feed: null,            // last status event
    streamOpen: false,
  };

  const $ = (id) => document.getElementById(id);
  const el = {
    connection: $('connection'),
    connectionText: $('connection-text'),
    banner: $('feed-banner'),
    rows: $('vehicle-rows'),
    empty: $('empty'),
    filter: $('filter'),
    filterNote: $('filter-note'),
    count: $('summary-count'),
    shown: $('summary-shown'),
    top: $('summary-top'),
    topVehicle: $('summary-top-vehicle'),
    latest: $('summary-latest'),
    latestVehicle: $('summary-latest-vehicle'),
    source: $('feed-source'),
    counts: $('feed-counts'),
  };

  // ---- formatting -------------------------------------------------------

  const kpaFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const barFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const intFormat = new Intl.NumberFormat('en-US');

  function pad(n, width) {
    return String(n).padStart(width || 2, '0');
  }

  function utcTime(ms) {
    const d = new Date(ms);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' +
      pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds()) + '.' +
      pad(d.getUTCMilliseconds(), 3);
  }

  function now() {
    return Date.now() + state.clockSkew;
  }

  function ago(ms) {
    const s = Math.floor((now() - ms) / 1000);
    if (s < 2) return 'just now';
    if (s < 60) return s + ' s ago';
    const m = Math.floor(s / 60);
    if (m < 60) return m + ' min ago';
    const h = Math.floor(m / 60);
    if (h < 48) return h + ' h ' + pad(m % 60) + ' min ago';
    return Math.floor(h / 24) + ' days ago';
  }

  // ---- chart --------------------------------------------------------------

  function svg(name, attrs) {
    const node = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  function firstPointTime(v) {
    return v.points && v.points.length ? v.points[0][0] : v.timestampMillis;
  }

  // A step chart: a maximum holds until the next, higher one; the last step runs to "now".
  // Every row shares one time axis, so charts line up and can be compared down the table.
  function sparkline(v) {
    const points = v.points && v.points.length ? v.points : [[v.timestampMillis, v.pressureMax]];
    const chart = svg('svg', {
      class: 'spark', viewBox: '0 0 ' + CHART_WIDTH + ' ' + CHART_HEIGHT, role: 'img',
      'aria-label': 'Maximum of ' + v.vehicleId + ' over time',
    });
    const title = svg('title');
    title.textContent = points.length + ' step(s), ' + kpaFormat.format(points[0][1] / 1000) + ' to ' +
      kpaFormat.format(points[points.length - 1][1] / 1000) + ' kPa';
    chart.appendChild(title);

    const t0 = Math.min(state.chartStart === null ? points[0][0] : state.chartStart, points[0][0]);
    const t1 = Math.max(points[points.length - 1][0], now(), t0 + 1);
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of points) { lo = Math.min(lo, p[1]); hi = Math.max(hi, p[1]); }
    if (hi === lo) { lo = lo * 0.9; hi = hi === 0 ? 1 : hi; }
    const inset = 3;
    const x = (t) => inset + (t - t0) / (t1 - t0) * (CHART_WIDTH - 2 * inset);
    const y = (p) => CHART_HEIGHT - inset - (p - lo) / (hi - lo) * (CHART_HEIGHT - 2 * inset);

    let d = 'M' + x(points[0][0]).toFixed(1) + ' ' + y(points[0][1]).toFixed(1);
    if (points.length === 1) d = 'M' + Math.min(x(points[0][0]), x(t1) - 2).toFixed(1) + ' ' + y(points[0][1]).toFixed(1);
    for (let i = 1; i < points.length; i++) {
      d += ' H' + x(points[i][0]).toFixed(1) + ' V' + y(points[i][1]).toFixed(1);
    }
    const endX = x(t1).toFixed(1);
    d += ' H' + endX;
    const baseline = (CHART_HEIGHT - inset).toFixed(1);
    chart.appendChild(svg('path', {
      class: 'area', d: d + ' V' + baseline + ' H' + x(points[0][0]).toFixed(1) + ' Z',
    }));
    chart.appendChild(svg('path', { class: 'line', d: d }));
    const last = points[points.length - 1];
    chart.appendChild(svg('circle', { class: 'last', cx: x(last[0]).toFixed(1), cy: y(last[1]).toFixed(1), r: 2.6 }));
    return chart;
  }

  // ---- table --------------------------------------------------------------

  const COLUMNS = ['vehicle', 'kpa', 'bar', 'sensor', 'time', 'age', 'chart'];

  function makeRow(id) {
    const tr = document.createElement('tr');
    tr.dataset.vehicleId = id;
    tr.addEventListener('animationend', () => tr.classList.remove('flash'));
    for (const c of COLUMNS) {
      const td = document.createElement('td');
      td.className = 'c-' + c + (c === 'kpa' || c === 'bar' ? ' num' : '');
      tr.appendChild(td);
    }
    return tr;
  }

  function cell(tr, column) {
    return tr.children[COLUMNS.indexOf(column)];
  }

  function fillRow(tr, v) {
    tr.dataset.pressureMax = v.pressureMax;
    tr.dataset.updates = v.updates;
    cell(tr, 'vehicle').textContent = v.vehicleId;
    const kpa = cell(tr, 'kpa');
    kpa.textContent = kpaFormat.format(v.pressureMaxKpa);
    kpa.title = intFormat.format(v.pressureMax) + ' Pa';
    cell(tr, 'bar').textContent = barFormat.format(v.pressureMaxBar);
    const sensor = cell(tr, 'sensor');
    sensor.textContent = v.sensorId;
    sensor.title = v.temperature === null ? 'no temperature reported' : v.temperature + ' \u00b0C';
    cell(tr, 'time').textContent = utcTime(v.timestampMillis);
    updateAge(tr, v);
    const chart = cell(tr, 'chart');
    chart.replaceChildren(sparkline(v));
  }

  function updateAge(tr, v) {
    const age = cell(tr, 'age');
    age.textContent = ago(v.timestampMillis);
    age.classList.toggle('fresh', now() - v.timestampMillis < 60000);
  }

  function flash(tr) {
    tr.classList.remove('flash');
    void tr.offsetWidth; // restart the animation
    tr.classList.add('flash');
  }

  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

  function compare(a, b) {
    const s = state.sort;
    let r = 0;
    if (s.key === 'pressure') r = a.pressureMax - b.pressureMax;
    else if (s.key === 'time') r = a.timestampMillis - b.timestampMillis;
    if (r === 0) r = collator.compare(a.vehicleId, b.vehicleId);
    return r * s.dir;
  }

  function matches(v) {
    if (!state.filter) return true;
    return v.vehicleId.toLowerCase().includes(state.filter) || v.sensorId.toLowerCase().includes(state.filter);
  }

  // Rows are reused: only new vehicles get a new <tr>, so updates don't flicker or lose hover.
  function redrawCharts() {
    for (const [id, tr] of state.rows) {
      const v = state.vehicles.get(id);
      if (v) cell(tr, 'chart').replaceChildren(sparkline(v));
    }
  }

  function render(changedIds) {
    const sorted = Array.from(state.vehicles.values()).sort(compare);
    let chartStart = null;
    for (const v of sorted) {
      const t = firstPointTime(v);
      if (chartStart === null || t < chartStart) chartStart = t;
    }
    const axisMoved = chartStart !== state.chartStart;
    state.chartStart = chartStart;
    let shown = 0;
    let previous = null;
    for (const v of sorted) {
      let tr = state.rows.get(v.vehicleId);
      const isNew = !tr;
      if (isNew) {
        tr = makeRow(v.vehicleId);
        state.rows.set(v.vehicleId, tr);
        fillRow(tr, v);
      } else if (changedIds && changedIds.has(v.vehicleId)) {
        fillRow(tr, v);
        flash(tr);
      }
      const visible = matches(v);
      tr.hidden = !visible;
      if (visible) shown++;
      const expectedNext = previous ? previous.nextSibling : el.rows.firstChild;
      if (expectedNext !== tr) el.rows.insertBefore(tr, expectedNext);
      previous = tr;
    }
    for (const [id, tr] of state.rows) {
      if (!state.vehicles.has(id)) { tr.remove(); state.rows.delete(id); }
    }
    if (axisMoved) redrawCharts();
    renderSummary(sorted, shown);
  }

  function recentNote(vehicles) {
    if (vehicles.length === 0) return '\u00a0';
    const since = now() - 10 * 60 * 1000;
    const recent = vehicles.filter((v) => v.timestampMillis >= since).length;
    return recent + ' with a new maximum in the last 10 min';
  }

  function renderSummary(sorted, shown) {
    const total = sorted.length;
    el.count.textContent = intFormat.format(total);
    el.shown.textContent = state.filter ? shown + ' shown by the filter' : recentNote(sorted);
    el.filterNote.textContent = state.filter
      ? 'Showing ' + shown + ' of ' + total + (total === 1 ? ' vehicle' : ' vehicles')
      : '';

    if (total === 0) {
      el.empty.hidden = false;
      el.empty.textContent = state.feed && state.feed.state === 'LIVE'
        ? 'No maxima on ' + state.feed.topic + ' yet.'
        : 'Waiting for the first maximum\u2026';
    } else if (shown === 0) {
      el.empty.hidden = false;
      el.empty.textContent = 'No vehicle or sensor matches \u201c' + el.filter.value.trim() + '\u201d.';
    } else {
      el.empty.hidden = true;
    }

    let top = null;
    let latest = null;
    for (const v of sorted) {
      if (!top || v.pressureMax > top.pressureMax) top = v;
      if (!latest || v.timestampMillis > latest.timestampMillis) latest = v;
    }
    el.top.textContent = top ? kpaFormat.format(top.pressureMaxKpa) + ' kPa' : '\u2013';
    el.topVehicle.textContent = top ? top.vehicleId + ' \u00b7 ' + barFormat.format(top.pressureMaxBar) + ' bar' : '\u00a0';
    el.latest.textContent = latest ? ago(latest.timestampMillis) : '\u2013';
    el.latestVehicle.textContent = latest ? latest.vehicleId + ' \u00b7 ' + kpaFormat.format(latest.pressureMaxKpa) + ' kPa' : '\u00a0';
    state.latest = latest;
  }

  // ---- connection and feed status ------------------------------------------

  const FEED_TEXT = {
    CONNECTING: ['connecting', 'Connecting to Kafka\u2026'],
    WAITING: ['waiting', 'Waiting for Kafka'],
    LOADING: ['loading', 'Loading\u2026'],
    LIVE: ['live', 'Live'],
    STOPPED: ['offline', 'Portal stopped'],
  };

  function renderConnection() {
    let [cls, text] = ['connecting', 'Connecting\u2026'];
    if (!state.streamOpen) {
      [cls, text] = state.feed ? ['offline', 'Reconnecting\u2026'] : ['connecting', 'Connecting\u2026'];
    } else if (state.feed) {
      [cls, text] = FEED_TEXT[state.feed.state] || ['connecting', state.feed.state];
    }
    el.connection.dataset.state = cls;
    el.connectionText.textContent = text;

    const feed = state.feed;
    if (!state.streamOpen && feed) {
      showBanner('Lost the connection to the portal; reconnecting\u2026', true);
    } else if (feed && feed.state === 'WAITING') {
      showBanner('Waiting for Kafka: ' + feed.detail + '. Showing what was read so far.', false);
    } else {
      showBanner(null);
    }
    if (feed) {
      el.source.textContent = 'Topic ' + feed.topic + ' at ' + feed.bootstrapServers;
      el.counts.textContent = intFormat.format(feed.recordsRead) + ' records read' +
        (feed.malformedRecords ? ' \u00b7 ' + intFormat.format(feed.malformedRecords) + ' malformed skipped' : '') +
        ' \u00b7 history of ' + feed.historyLimit + ' points per vehicle';
    }
  }

  function showBanner(text, bad) {
    el.banner.hidden = !text;
    el.banner.textContent = text || '';
    el.banner.classList.toggle('bad', !!bad);
  }

  function connect() {
    const source = new EventSource('api/stream');
    source.onopen = () => { state.streamOpen = true; renderConnection(); };
    source.onerror = () => { state.streamOpen = false; renderConnection(); };
    source.addEventListener('status', (e) => {
      state.feed = JSON.parse(e.data);
      state.streamOpen = true;
      if (typeof state.feed.serverTime === 'number') state.clockSkew = state.feed.serverTime - Date.now();
      renderConnection();
      render(null);
    });
    source.addEventListener('snapshot', (e) => {
      const data = JSON.parse(e.data);
      state.vehicles = new Map(data.vehicles.map((v) => [v.vehicleId, v]));
      // A reconnect may bring changed vehicles: refill every row that exists.
      render(new Set(Array.from(state.rows.keys()).filter((id) => state.vehicles.has(id))));
    });
    source.addEventListener('vehicle', (e) => {
      const v = JSON.parse(e.data);
      state.vehicles.set(v.vehicleId, v);
      render(new Set([v.vehicleId]));
    });
    source.addEventListener('removed', (e) => {
      state.vehicles.delete(JSON.parse(e.data).vehicleId);
      render(null);
    });
  }

  // ---- controls -------------------------------------------------------------

  el.filter.addEventListener('input', () => {
    state.filter = el.filter.value.trim().toLowerCase();
    render(null);
  });

  document.querySelectorAll('th button.sort').forEach((button) => {
    button.addEventListener('click', () => {
      const key = button.dataset.sort;
      state.sort = state.sort.key === key
        ? { key, dir: -state.sort.dir }
        : { key, dir: key === 'vehicle' ? 1 : -1 };
      document.querySelectorAll('th button.sort').forEach((b) => {
        const active = b === button;
        b.classList.toggle('active', active);
        if (active) b.setAttribute('aria-sort', state.sort.dir > 0 ? 'ascending' : 'descending');
        else b.removeAttribute('aria-sort');
      });
      render(null);
    });
  });

  // "How long ago" keeps counting between updates.
  setInterval(() => {
    for (const [id, tr] of state.rows) {
      const v = state.vehicles.get(id);
      if (v) updateAge(tr, v);
    }
    if (state.latest) el.latest.textContent = ago(state.latest.timestampMillis);
    if (!state.filter) el.shown.textContent = recentNote(Array.from(state.vehicles.values()));
  }, 1000);

  // The last step of every chart runs to "now": move it along now and then.
  setInterval(redrawCharts, 15000);

  renderConnection();
  render(null);
  connect();
}());
