// Vehicle Pressure Monitor page: one row per vehicle, kept live by server-sent events.
// The server sends one page at a time (filtered and sorted there), so the page stays light
// however many vehicles there are. No libraries: the chart is a small SVG drawn here.
'use strict';

(function () {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const CHART_WIDTH = 160;
  const CHART_HEIGHT = 34;
  const PAGE_SIZE = 50;
  const FILTER_DELAY_MS = 250;

  const state = {
    vehicles: new Map(),   // vehicleId -> vehicle JSON from the stream (with points), this page only
    order: [],             // the page's vehicle ids in the server's order
    rows: new Map(),       // vehicleId -> <tr>
    filter: '',
    sort: { key: 'vehicle', dir: 1 },
    offset: 0,
    count: 0,              // vehicles matching the filter (all without one)
    total: 0,              // vehicles the portal holds
    top: null,             // highest maximum of all vehicles
    latest: null,          // latest new maximum of all vehicles
    evicted: 0,            // vehicles dropped at the --max-vehicles cap
    loaded: false,         // a first page has arrived
    source: null,          // the EventSource of the current page
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
    prev: $('page-prev'),
    next: $('page-next'),
    pageInfo: $('page-info'),
  };

  // ---- formatting -------------------------------------------------------

  const kpaFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const barFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const intFormat = new Intl.NumberFormat('en-US');

  // Pascals as sent: every digit of a fractional value (823,456.7891234), integers grouped as before.
  function pascalText(p) {
    const text = String(p);
    const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
    if (!m) return text; // exponent notation: shown as is
    return m[1] + intFormat.format(Number(m[2])) + (m[3] || '');
  }

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
    kpa.title = pascalText(v.pressureMax) + ' Pa';
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

  // Rows are reused: only new vehicles get a new <tr>, so updates don't flicker or lose hover.
  function redrawCharts() {
    for (const [id, tr] of state.rows) {
      const v = state.vehicles.get(id);
      if (v) cell(tr, 'chart').replaceChildren(sparkline(v));
    }
  }

  function render(changedIds) {
    const sorted = state.order.map((id) => state.vehicles.get(id)).filter((v) => v);
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
      shown++;
      const expectedNext = previous ? previous.nextSibling : el.rows.firstChild;
      if (expectedNext !== tr) el.rows.insertBefore(tr, expectedNext);
      previous = tr;
    }
    for (const [id, tr] of state.rows) {
      if (!state.vehicles.has(id)) { tr.remove(); state.rows.delete(id); }
    }
    if (axisMoved) redrawCharts();
    renderSummary(shown);
  }

  function capNote() {
    const feed = state.feed;
    if (!feed || !state.evicted) return '\u00a0';
    return intFormat.format(state.evicted) + ' dropped at the cap of ' + intFormat.format(feed.maxVehicles);
  }

  function renderSummary(shown) {
    const total = state.total;
    const count = state.count;
    el.count.textContent = state.loaded ? intFormat.format(total) : '\u2013';
    el.shown.textContent = state.filter ? intFormat.format(count) + ' match the filter' : capNote();
    el.filterNote.textContent = state.filter
      ? 'Showing ' + intFormat.format(count) + ' of ' + intFormat.format(total) + (total === 1 ? ' vehicle' : ' vehicles')
      : '';
    el.pageInfo.textContent = count === 0 ? '' : intFormat.format(state.offset + 1) + '\u2013' +
      intFormat.format(state.offset + shown) + ' of ' + intFormat.format(count);
    el.prev.disabled = state.offset === 0;
    el.next.disabled = state.offset + PAGE_SIZE >= count;

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

    const top = state.top;
    const latest = state.latest;
    el.top.textContent = top ? kpaFormat.format(top.pressureMaxKpa) + ' kPa' : '\u2013';
    el.topVehicle.textContent = top ? top.vehicleId + ' \u00b7 ' + barFormat.format(top.pressureMaxBar) + ' bar' : '\u00a0';
    el.latest.textContent = latest ? ago(latest.timestampMillis) : '\u2013';
    el.latestVehicle.textContent = latest ? latest.vehicleId + ' \u00b7 ' + kpaFormat.format(latest.pressureMaxKpa) + ' kPa' : '\u00a0';
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
        ' \u00b7 history of ' + feed.historyLimit + ' points per vehicle' +
        ' \u00b7 at most ' + intFormat.format(feed.maxVehicles) + ' vehicles held';
    }
  }

  function showBanner(text, bad) {
    el.banner.hidden = !text;
    el.banner.textContent = text || '';
    el.banner.classList.toggle('bad', !!bad);
  }

  function streamUrl() {
    const q = new URLSearchParams();
    if (state.filter) q.set('filter', state.filter);
    q.set('sort', state.sort.key);
    q.set('order', state.sort.dir > 0 ? 'asc' : 'desc');
    q.set('offset', String(state.offset));
    q.set('limit', String(PAGE_SIZE));
    return 'api/stream?' + q.toString();
  }

  // One stream per page: the server sends that page and live changes to it, plus the counts.
  function connect() {
    if (state.source) state.source.close();
    const source = new EventSource(streamUrl());
    state.source = source;
    const mine = (handler) => (e) => { if (state.source === source) handler(e); };
    source.onopen = mine(() => { state.streamOpen = true; renderConnection(); });
    source.onerror = mine(() => { state.streamOpen = false; renderConnection(); });
    source.addEventListener('status', mine((e) => {
      state.feed = JSON.parse(e.data);
      state.streamOpen = true;
      if (typeof state.feed.serverTime === 'number') state.clockSkew = state.feed.serverTime - Date.now();
      renderConnection();
      render(null);
    }));
    source.addEventListener('snapshot', mine((e) => {
      const data = JSON.parse(e.data);
      if (data.vehicles.length === 0 && data.count > 0 && state.offset > 0) {
        // The page ran past the end (vehicles went away): show the last page instead.
        state.offset = Math.floor((data.count - 1) / PAGE_SIZE) * PAGE_SIZE;
        connect();
        return;
      }
      state.vehicles = new Map(data.vehicles.map((v) => [v.vehicleId, v]));
      state.order = data.vehicles.map((v) => v.vehicleId);
      state.count = data.count;
      state.total = data.total;
      state.top = data.top;
      state.latest = data.latest;
      state.evicted = data.evictedVehicles;
      state.loaded = true;
      // A new page or a reconnect may bring changed vehicles: refill every row that stays.
      render(new Set(Array.from(state.rows.keys()).filter((id) => state.vehicles.has(id))));
    }));
    source.addEventListener('vehicle', mine((e) => {
      const v = JSON.parse(e.data);
      if (!state.vehicles.has(v.vehicleId)) return; // not on this page (any more)
      state.vehicles.set(v.vehicleId, v);
      render(new Set([v.vehicleId]));
    }));
    source.addEventListener('removed', mine((e) => {
      const id = JSON.parse(e.data).vehicleId;
      if (!state.vehicles.delete(id)) return;
      state.order = state.order.filter((x) => x !== id);
      render(null);
    }));
  }

  function showPage(offset) {
    state.offset = Math.max(0, offset);
    connect();
  }

  // ---- controls -------------------------------------------------------------

  let filterTimer = null;
  el.filter.addEventListener('input', () => {
    clearTimeout(filterTimer);
    // Typing is debounced: the server filters, one query per pause rather than per key.
    filterTimer = setTimeout(() => {
      const filter = el.filter.value.trim().toLowerCase();
      if (filter === state.filter) return;
      state.filter = filter;
      showPage(0);
    }, FILTER_DELAY_MS);
  });

  el.prev.addEventListener('click', () => showPage(state.offset - PAGE_SIZE));
  el.next.addEventListener('click', () => showPage(state.offset + PAGE_SIZE));

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
      showPage(0);
    });
  });

  // "How long ago" keeps counting between updates.
  setInterval(() => {
    for (const [id, tr] of state.rows) {
      const v = state.vehicles.get(id);
      if (v) updateAge(tr, v);
    }
    if (state.latest) el.latest.textContent = ago(state.latest.timestampMillis);
  }, 1000);

  // The last step of every chart runs to "now": move it along now and then.
  setInterval(redrawCharts, 15000);

  renderConnection();
  render(null);
  connect();
}());
