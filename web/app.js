// geokg explorer: search an actor, see its neighbourhood, expand it, filter
// by time and kind of event, read the evidence behind an edge.
//
// Safety: every string from the database (names, sentences, titles, URLs)
// reaches the page through textContent or an attribute value, never as HTML;
// a source URL becomes a link only when it is http(s). The server's
// Content-Security-Policy forbids inline scripts as a second line.
//
// Works with d3 v5 (Debian's node-d3) and later: event handlers go through
// on(), which hides the v5 (d3.event) / v6+ (event argument) difference.
'use strict';
(function () {
  // ---- small helpers --------------------------------------------------------
  const $ = (id) => document.getElementById(id);

  // An element with text children only: el('li', {className: 'x'}, 'text', child).
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null) continue;
        if (k === 'dataset') Object.assign(e.dataset, v);
        else if (k === 'onclick') e.addEventListener('click', v);
        else if (k in e) e[k] = v;
        else e.setAttribute(k, v);
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  // The URL when it is an absolute http(s) URL with a host; null otherwise.
  function safeLink(url) {
    if (typeof url !== 'string' || url === '') return null;
    try {
      const u = new URL(url);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.host ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function on(selection, type, fn) {
    return selection.on(type, function (a, b) {
      const v5 = typeof d3.event !== 'undefined' && d3.event !== null;
      return fn.call(this, v5 ? d3.event : a, v5 ? a : b);
    });
  }

  function debounce(fn, ms) {
    let t = null;
    return (...args) => {
      clearTimeout(t);
      t = setTimeout(() => fn(...args), ms);
    };
  }

  function trunc(s, n) {
    s = String(s || '');
    return s.length > n ? s.slice(0, n - 1) + '…' : s;
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, 3500);
  }

  // ---- colours and shapes ---------------------------------------------------
  const QUAD_COLOUR = ['#8a96a3', '#2b83ba', '#1a9641', '#f08c2e', '#d7191c'];
  const QUAD_LABEL = ['unknown', 'Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];
  const KINDS = ['person', 'organization', 'country', 'group', 'location', 'artifact'];
  let kindSymbol = {};
  const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7',
    '#9c755f', '#86bcb6', '#d37295', '#8cd17d', '#499894', '#f1ce63', '#a0cbe8', '#ffbe7d'];
  // Well-known countries keep a fixed hue; the rest hash into the palette.
  const FIXED = { USA: '#4e79a7', CHN: '#e15759', RUS: '#b07aa1', GBR: '#76b7b2', UKR: '#edc948' };
  function countryColour(code) {
    if (!code) return '#b8c2cc';
    if (FIXED[code]) return FIXED[code];
    let h = 2166136261;
    for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 16777619) >>> 0;
    return PALETTE[h % PALETTE.length];
  }
  function nodeArea(d) {
    return 160 + 80 * Math.sqrt(Math.min(d.mentions || 1, 400));
  }
  function nodeRadius(d) {
    return Math.sqrt(nodeArea(d) / Math.PI);
  }

  // ---- state and permalink --------------------------------------------------
  const state = {
    center: null, expanded: [], depth: 1, limit: 50,
    from: null, to: null, quads: [1, 2, 3, 4], root: '', minSources: 1, hideStatements: false,
    selected: null, edge: null, event: null, pathFrom: null, pathTo: null,
  };

  function writeHash() {
    const p = new URLSearchParams();
    if (state.center) p.set('a', state.center);
    if (state.expanded.length) p.set('x', state.expanded.join(','));
    if (state.depth !== 1) p.set('d', state.depth);
    if (state.limit !== 50) p.set('n', state.limit);
    if (state.from) p.set('f', state.from);
    if (state.to) p.set('t', state.to);
    if (state.quads.length !== 4) p.set('q', state.quads.join('') || '0');
    if (state.root) p.set('r', state.root);
    if (state.minSources > 1) p.set('ms', state.minSources);
    if (state.hideStatements) p.set('hs', '1');
    if (state.selected && state.selected !== state.center) p.set('s', state.selected);
    if (state.edge) p.set('e', state.edge);
    if (state.event) p.set('ev', state.event);
    if (state.pathFrom && state.pathTo) {
      p.set('pf', state.pathFrom);
      p.set('pt', state.pathTo);
    }
    history.replaceState(null, '', '#' + p.toString());
  }

  const HEX16 = /^[0-9a-f]{16}$/;
  const MONTH = /^\d{4}-\d{2}$/;
  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    const id = (k) => (HEX16.test(p.get(k) || '') ? p.get(k) : null);
    const int = (k, lo, hi, dflt) => {
      const v = parseInt(p.get(k), 10);
      return Number.isFinite(v) && v >= lo && v <= hi ? v : dflt;
    };
    state.center = id('a');
    state.expanded = (p.get('x') || '').split(',').filter((x) => HEX16.test(x)).slice(0, 20);
    state.depth = int('d', 1, 2, 1);
    state.limit = [25, 50, 100, 200].includes(int('n', 1, 1000, 50)) ? int('n', 1, 1000, 50) : 50;
    state.from = MONTH.test(p.get('f') || '') ? p.get('f') : null;
    state.to = MONTH.test(p.get('t') || '') ? p.get('t') : null;
    const q = p.get('q');
    state.quads = q === null ? [1, 2, 3, 4] : [1, 2, 3, 4].filter((k) => q.includes(String(k)));
    state.root = /^\d{2}$/.test(p.get('r') || '') ? p.get('r') : '';
    state.minSources = int('ms', 1, 20, 1);
    state.hideStatements = p.get('hs') === '1';
    state.selected = id('s') || state.center;
    const e = (p.get('e') || '').split('~');
    state.edge = e.length === 2 && HEX16.test(e[0]) && HEX16.test(e[1]) ? e.join('~') : null;
    state.event = id('ev');
    state.pathFrom = id('pf');
    state.pathTo = id('pt');
  }

  // ---- API ------------------------------------------------------------------
  let pending = 0;
  function setBusy(delta) {
    pending += delta;
    document.body.dataset.busy = pending > 0 ? '1' : '0';
  }

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || 'HTTP ' + status);
      this.status = status;
      this.body = body;
    }
  }

  async function api(path, params) {
    setBusy(+1);
    try {
      const url = new URL(path, location.origin);
      for (const [k, v] of Object.entries(params || {})) {
        if (v === null || v === undefined || v === '') continue;
        for (const x of Array.isArray(v) ? v : [v]) url.searchParams.append(k, x);
      }
      const r = await fetch(url, { headers: { Accept: 'application/json' } });
      let body = null;
      try { body = await r.json(); } catch (e) { body = null; }
      if (!r.ok) throw new ApiError(r.status, body);
      return body;
    } finally {
      setBusy(-1);
    }
  }

  // CAMEO roots (label, quad class), from /api/cameo.
  let roots = [];
  const rootQuad = {};

  // The relation filter from the quad-class boxes, the class menu and "hide
  // statements": undefined = every event, null = nothing selected.
  function relationParam() {
    const allowed = roots.filter((r) => state.quads.includes(r.quad_class) &&
      (!state.root || r.root === state.root) && !(state.hideStatements && r.root === '01'));
    if (!roots.length) return state.root || undefined;   // no CAMEO table: a class or everything
    if (allowed.length === roots.length) return undefined;
    return allowed.length ? allowed.map((r) => r.root).join(',') : null;
  }

  function filterParams() {
    const relation = relationParam();
    if (relation === null) return null;
    return {
      from: state.from, to: state.to, relation,
      min_sources: state.minSources > 1 ? state.minSources : undefined,
    };
  }

  // ---- date range -----------------------------------------------------------
  // Months as integers (year * 12 + month - 1); the domain only grows, from
  // the dates of every profile and edge seen.
  const domain = { lo: null, hi: null };
  function monthOf(iso, end) {
    if (!iso) return null;
    const m = /^(\d{4})(?:-(\d{2}))?/.exec(iso);
    if (!m) return null;
    const y = +m[1];
    const mo = m[2] ? +m[2] : (end ? 12 : 1);
    return y * 12 + mo - 1;
  }
  function monthText(k) {
    const y = Math.floor(k / 12);
    const m = (k % 12) + 1;
    return y + '-' + (m < 10 ? '0' : '') + m;
  }
  function extendDomain(...isos) {
    let changed = false;
    for (const iso of isos) {
      const k = monthOf(iso, false);
      if (k === null) continue;
      if (domain.lo === null || k < domain.lo) { domain.lo = k; changed = true; }
      if (domain.hi === null || k > domain.hi) { domain.hi = k; changed = true; }
    }
    if (changed) syncSliders();
  }
  function syncSliders() {
    const from = $('date-from'), to = $('date-to');
    const lo = domain.lo === null ? 0 : Math.min(domain.lo, monthOf(state.from) ?? domain.lo);
    const hi = domain.hi === null ? 0 : Math.max(domain.hi, monthOf(state.to) ?? domain.hi);
    for (const s of [from, to]) {
      s.min = lo;
      s.max = hi;
      s.disabled = domain.lo === null;
    }
    from.value = state.from ? monthOf(state.from) : lo;
    to.value = state.to ? monthOf(state.to) : hi;
    $('date-from-label').textContent = domain.lo === null ? '…' : monthText(+from.value);
    $('date-to-label').textContent = domain.lo === null ? '…' : monthText(+to.value);
  }
  function readSliders(moved) {
    const from = $('date-from'), to = $('date-to');
    let f = +from.value, t = +to.value;
    if (f > t) {
      if (moved === from) t = f;
      else f = t;
      from.value = f;
      to.value = t;
    }
    $('date-from-label').textContent = monthText(f);
    $('date-to-label').textContent = monthText(t);
    state.from = f > +from.min ? monthText(f) : null;
    state.to = t < +to.max ? monthText(t) : null;
  }

  // ---- the graph ------------------------------------------------------------
  let nodes = new Map();   // id -> node datum (kept across loads: positions stay)
  let edges = new Map();   // "a~b" (a < b) -> edge datum
  let pathOverlay = null;  // {nodes: [...], steps: [...]} from /api/path
  let viewSeq = 0;
  let firstGraphDone = false;
  let userZoomed = false;
  let fitPending = false;
  let renders = 0;

  const pairKey = (a, b) => (a < b ? a + '~' + b : b + '~' + a);

  let svg, zoomLayer, edgeLayer, nodeLayer, simulation, zoom;

  function setupGraph() {
    kindSymbol = {
      person: d3.symbolCircle, organization: d3.symbolSquare, country: d3.symbolDiamond,
      group: d3.symbolTriangle, location: d3.symbolCross, artifact: d3.symbolStar,
    };
    svg = d3.select('#graph');
    zoomLayer = svg.append('g');
    edgeLayer = zoomLayer.append('g').attr('class', 'edges');
    nodeLayer = zoomLayer.append('g').attr('class', 'nodes');
    zoom = d3.zoom().scaleExtent([0.15, 4]);
    on(zoom, 'zoom', function (event) {
      zoomLayer.attr('transform', event.transform);
      if (event.sourceEvent) userZoomed = true;
    });
    svg.call(zoom).on('dblclick.zoom', null);
    simulation = d3.forceSimulation()
      .force('link', d3.forceLink().id((d) => d.id).distance(120).strength(0.4))
      .force('charge', d3.forceManyBody().strength(-320).distanceMax(600))
      .force('collide', d3.forceCollide().radius((d) => nodeRadius(d) + 10))
      .force('x', d3.forceX().strength(0.05))
      .force('y', d3.forceY().strength(0.07))
      .alphaDecay(0.035);
    simulation.on('tick', ticked);
    simulation.on('end', () => {
      if (fitPending && !userZoomed) fit(false);
      fitPending = false;
      document.body.dataset.settled = '1';
    });
    $('fit').addEventListener('click', () => fit(true));
    $('expand-all').addEventListener('click', () => {
      const more = Array.from(nodes.keys()).filter((id) => id !== state.center && !state.expanded.includes(id));
      state.expanded = state.expanded.concat(more).slice(0, 20);
      if (more.length > 20) toast('Expanded 20 actors (the most one view takes)');
      loadView();
    });
    resize();
    new ResizeObserver(resize).observe($('graph-area'));
  }

  function size() {
    const r = $('graph').getBoundingClientRect();
    return { w: Math.max(r.width, 200), h: Math.max(r.height, 200) };
  }

  function resize() {
    const { w, h } = size();
    simulation.force('x').x(w / 2);
    simulation.force('y').y(h / 2);
  }

  function fit(animate) {
    const list = Array.from(nodes.values()).filter((d) => Number.isFinite(d.x));
    if (!list.length) return;
    const { w, h } = size();
    const pad = 60;
    const x0 = d3.min(list, (d) => d.x) - pad, x1 = d3.max(list, (d) => d.x) + pad;
    const y0 = d3.min(list, (d) => d.y) - pad, y1 = d3.max(list, (d) => d.y) + pad;
    const k = Math.min(1.3, Math.max(0.15, Math.min(w / (x1 - x0), h / (y1 - y0))));
    const t = d3.zoomIdentity.translate(w / 2 - k * (x0 + x1) / 2, h / 2 - k * (y0 + y1) / 2).scale(k);
    (animate ? svg.transition().duration(350) : svg).call(zoom.transform, t);
    userZoomed = false;
  }

  function message(text) {
    $('graph-message').textContent = text || '';
  }

  // Loads the center's neighbourhood and one hop around each expanded actor,
  // merges them, adds the path found (if any) and draws.
  async function loadView() {
    const seq = ++viewSeq;
    writeHash();
    if (!state.center) {
      nodes = new Map();
      edges = new Map();
      render();
      return;
    }
    const fp = filterParams();
    if (fp === null) {
      nodes = new Map();
      edges = new Map();
      render();
      message('No kind of event selected: tick a class in the filters.');
      return;
    }
    message('Loading…');
    let responses;
    try {
      responses = await Promise.all([state.center].concat(state.expanded).map((id, i) =>
        api('/api/neighbors/' + encodeURIComponent(id),
          Object.assign({ depth: i === 0 ? state.depth : 1, limit: state.limit }, fp))
          .catch((e) => {
            if (i > 0 && e.status === 404) return null;   // an expanded actor gone from the store
            throw e;
          })));
    } catch (e) {
      if (seq !== viewSeq) return;
      message(e.status === 404 ? 'This actor is not in the database (any more).' : 'Could not load the graph: ' + e.message);
      return;
    }
    if (seq !== viewSeq) return;
    const nextNodes = new Map();
    const nextEdges = new Map();
    let omitted = 0;
    for (const r of responses) {
      if (!r) continue;
      omitted += r.omitted;
      for (const n of r.nodes) {
        if (nextNodes.has(n.id)) continue;
        nextNodes.set(n.id, Object.assign(nodes.get(n.id) || {}, n));
      }
      for (const e of r.edges) {
        const key = pairKey(e.source, e.target);
        const had = nextEdges.get(key);
        if (!had || e.events > had.events) nextEdges.set(key, Object.assign({ key }, e));
      }
    }
    if (pathOverlay) addPathToGraph(nextNodes, nextEdges);
    placeNewNodes(nextNodes, nextEdges);
    nodes = nextNodes;
    edges = nextEdges;
    for (const e of edges.values()) extendDomain(e.first, e.last);
    render();
    const shown = nodes.size;
    if (shown <= 1) message('No events with these filters.');
    else message(omitted > 0 ? omitted + ' more neighbours not shown (raise “neighbours” or filter)' : '');
  }

  // New nodes start beside a neighbour already placed, so the picture grows
  // instead of exploding from the middle.
  function placeNewNodes(nextNodes, nextEdges) {
    const { w, h } = size();
    const c = nextNodes.get(state.center);
    if (c && !Number.isFinite(c.x)) {
      c.x = w / 2;
      c.y = h / 2;
    }
    for (const e of nextEdges.values()) {
      const a = nextNodes.get(e.source), b = nextNodes.get(e.target);
      if (!a || !b) continue;
      const [placed, fresh] = Number.isFinite(a.x) ? [a, b] : [b, a];
      if (Number.isFinite(placed.x) && !Number.isFinite(fresh.x)) {
        const angle = Math.random() * 2 * Math.PI;
        fresh.x = placed.x + 40 * Math.cos(angle);
        fresh.y = placed.y + 40 * Math.sin(angle);
      }
    }
  }

  function addPathToGraph(nextNodes, nextEdges) {
    for (const n of pathOverlay.nodes) {
      if (!nextNodes.has(n.id)) nextNodes.set(n.id, Object.assign(nodes.get(n.id) || {}, n, { mentions: n.mentions || 1 }));
    }
    for (const s of pathOverlay.steps) {
      const key = pairKey(s.from_id, s.to_id);
      if (nextEdges.has(key)) continue;
      const ev = s.event || {};
      const q = ev.cameo ? rootQuad[ev.cameo.slice(0, 2)] || 0 : 0;
      nextEdges.set(key, {
        key, source: s.from_id, target: s.to_id, events: s.events_between || 1,
        relations: [s.role ? (s.relation || 'role') : ev.relation], cameo: ev.cameo ? [ev.cameo] : [],
        quad_class: q, first: ev.date || null, last: ev.date || null, fromPath: true,
      });
    }
  }

  function pathKeys() {
    const keys = new Set(), ids = new Set();
    if (!pathOverlay) return { keys, ids };
    for (const s of pathOverlay.steps) keys.add(pairKey(s.from_id, s.to_id));
    for (const n of pathOverlay.nodes) ids.add(n.id);
    return { keys, ids };
  }

  function edgeWidth(e) {
    return 1.5 + 1.6 * Math.log2(1 + e.events);
  }

  function edgeTitle(e) {
    const a = nodes.get(e.source), b = nodes.get(e.target);
    const lines = [(a ? a.name : '?') + ' — ' + (b ? b.name : '?'),
      plural(e.events, 'event') + (e.first ? ', ' + e.first + (e.last && e.last !== e.first ? ' … ' + e.last : '') : '')];
    if (e.relations && e.relations.length) lines.push(e.relations.slice(0, 5).join(', '));
    if (e.quad_events) {
      lines.push(e.quad_events.map((n, i) => (n ? QUAD_LABEL[i + 1] + ' ' + n : '')).filter(Boolean).join(' · '));
    }
    lines.push('Click for the evidence');
    return lines.join('\n');
  }

  function render() {
    const { keys: onPathEdges, ids: onPathNodes } = pathKeys();
    const nodeList = Array.from(nodes.values());
    const links = Array.from(edges.values()).map((e) => ({ data: e, source: e.source, target: e.target, key: e.key }));

    const edgeSel = edgeLayer.selectAll('g.edge').data(links, (l) => l.key);
    edgeSel.exit().remove();
    const edgeNew = edgeSel.enter().append('g').attr('class', 'edge');
    edgeNew.append('line').attr('class', 'vis');
    edgeNew.append('line').attr('class', 'hit');
    edgeNew.append('text');
    edgeNew.append('title');
    const edgeAll = edgeNew.merge(edgeSel);
    edgeAll
      .attr('data-key', (l) => l.key)
      .attr('data-source', (l) => l.data.source)
      .attr('data-target', (l) => l.data.target)
      .attr('data-events', (l) => l.data.events)
      .attr('data-first', (l) => l.data.first || '')
      .attr('data-last', (l) => l.data.last || '')
      .classed('selected', (l) => l.key === state.edge)
      .classed('on-path', (l) => onPathEdges.has(l.key));
    edgeAll.select('line.vis')
      .attr('stroke', (l) => QUAD_COLOUR[l.data.quad_class || 0])
      .attr('stroke-width', (l) => edgeWidth(l.data))
      .attr('stroke-dasharray', (l) => (l.data.fromPath && l.data.relations[0] === 'role' ? '4 3' : null));
    edgeAll.select('text').text((l) => (l.data.events > 1 ? l.data.events : ''));
    edgeAll.select('title').text((l) => edgeTitle(l.data));
    on(edgeAll, 'click', function (event, l) {
      event.stopPropagation();
      selectEdge(l.key);
    });

    const nodeSel = nodeLayer.selectAll('g.node').data(nodeList, (d) => d.id);
    nodeSel.exit().remove();
    const nodeNew = nodeSel.enter().append('g').attr('class', 'node');
    nodeNew.append('path');
    nodeNew.append('text').attr('text-anchor', 'middle');
    nodeNew.append('title');
    const nodeAll = nodeNew.merge(nodeSel);
    nodeAll
      .attr('data-id', (d) => d.id)
      .attr('data-name', (d) => d.name)
      .classed('center', (d) => d.id === state.center)
      .classed('selected', (d) => d.id === state.selected && d.id !== state.center)
      .classed('expanded', (d) => state.expanded.includes(d.id))
      .classed('on-path', (d) => onPathNodes.has(d.id));
    nodeAll.select('path')
      .attr('d', (d) => d3.symbol().type(kindSymbol[d.kind] || d3.symbolCircle).size(nodeArea(d))())
      .attr('fill', (d) => countryColour(d.country));
    nodeAll.select('text')
      .attr('dy', (d) => nodeRadius(d) + 12)
      .text((d) => trunc(d.name, 28));
    nodeAll.select('title').text((d) => d.name + '\n' + [d.kind, d.country, d.sector].filter(Boolean).join(', ') +
      '\n' + plural(d.mentions || 0, 'mention') + '\nClick: profile and timeline · double-click: expand');
    on(nodeAll, 'click', function (event, d) {
      event.stopPropagation();
      selectNode(d.id);
    });
    on(nodeAll, 'dblclick', function (event, d) {
      event.stopPropagation();
      expand(d.id);
    });
    nodeAll.call(dragBehaviour());

    simulation.nodes(nodeList);
    simulation.force('link').links(links);
    document.body.dataset.settled = '0';
    simulation.alpha(nodeNew.size() > 0 || edgeNew.size() > 0 ? 0.8 : 0.2).restart();
    ticked();
    renderLegend();
    renders += 1;
    document.body.dataset.renders = String(renders);
    document.body.dataset.nodes = String(nodeList.length);
    if (!firstGraphDone && nodeList.length > 0) {
      firstGraphDone = true;
      document.body.dataset.firstGraphMs = String(Math.round(performance.now()));
      if (performance.mark) performance.mark('geokg-first-graph');
    }
  }

  function ticked() {
    edgeLayer.selectAll('g.edge').each(function (l) {
      if (typeof l.source !== 'object' || typeof l.target !== 'object') return;
      const g = d3.select(this);
      g.selectAll('line').attr('x1', l.source.x).attr('y1', l.source.y).attr('x2', l.target.x).attr('y2', l.target.y);
      g.select('text').attr('x', (l.source.x + l.target.x) / 2).attr('y', (l.source.y + l.target.y) / 2);
    });
    nodeLayer.selectAll('g.node').attr('transform', (d) => 'translate(' + (d.x || 0) + ',' + (d.y || 0) + ')');
  }

  function dragBehaviour() {
    const drag = d3.drag();
    on(drag, 'start', function (event, d) {
      if (!event.active) simulation.alphaTarget(0.2).restart();
      d.fx = d.x;
      d.fy = d.y;
    });
    on(drag, 'drag', function (event, d) {
      d.fx = event.x;
      d.fy = event.y;
    });
    on(drag, 'end', function (event, d) {
      if (!event.active) simulation.alphaTarget(0);
      d.fx = null;
      d.fy = null;
    });
    return drag;
  }

  function renderLegend() {
    const box = $('legend');
    box.replaceChildren();
    for (let q = 1; q <= 4; q++) {
      const s = d3.create('svg').attr('width', 18).attr('height', 8);
      s.append('line').attr('x1', 1).attr('y1', 4).attr('x2', 17).attr('y2', 4)
        .attr('stroke', QUAD_COLOUR[q]).attr('stroke-width', 3).attr('stroke-linecap', 'round');
      box.append(el('div', { className: 'row' }, s.node(), QUAD_LABEL[q]));
    }
    const kinds = KINDS.filter((k) => Array.from(nodes.values()).some((n) => n.kind === k));
    const counts = {};
    for (const n of nodes.values()) if (n.country) counts[n.country] = (counts[n.country] || 0) + 1;
    const countries = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || a.localeCompare(b)).slice(0, 6);
    for (const k of kinds) {
      const s = d3.create('svg').attr('width', 14).attr('height', 14);
      s.append('path').attr('transform', 'translate(7,7)')
        .attr('d', d3.symbol().type(kindSymbol[k]).size(70)()).attr('fill', '#9aa5b1');
      box.append(el('div', { className: 'row' }, s.node(), k));
    }
    for (const c of countries) {
      const s = d3.create('svg').attr('width', 14).attr('height', 14);
      s.append('circle').attr('cx', 7).attr('cy', 7).attr('r', 6).attr('fill', countryColour(c));
      box.append(el('div', { className: 'row' }, s.node(), c));
    }
    box.hidden = nodes.size === 0;
  }

  // ---- selection, expansion -------------------------------------------------
  function selectNode(id) {
    state.selected = id;
    state.edge = null;
    state.event = null;
    $('evidence-panel').hidden = true;
    refreshClasses();
    writeHash();
    loadProfile(id);
    loadTimeline();
    loadMap();
  }

  function selectEdge(key) {
    state.edge = key;
    state.event = null;
    refreshClasses();
    writeHash();
    loadEvidence();
    loadTimeline();
    loadMap();
  }

  function expand(id) {
    if (id === state.center || state.expanded.includes(id)) return;
    state.expanded = state.expanded.concat([id]).slice(-20);
    loadView();
  }

  function recenter(id) {
    state.center = id;
    state.expanded = [];
    state.selected = id;
    state.edge = null;
    state.event = null;
    $('evidence-panel').hidden = true;
    userZoomed = false;
    fitPending = true;
    // The date range starts again from what the new actor's view holds.
    domain.lo = domain.hi = null;
    for (const n of nodes.values()) {
      n.fx = null;
      n.fy = null;
    }
    loadView();
    loadProfile(id);
    loadTimeline();
    loadMap();
  }

  function refreshClasses() {
    nodeLayer.selectAll('g.node').classed('selected', (d) => d.id === state.selected && d.id !== state.center);
    edgeLayer.selectAll('g.edge').classed('selected', (l) => l.key === state.edge);
  }

  function nameOf(id) {
    const n = nodes.get(id);
    return n ? n.name : id;
  }

  // ---- profile panel --------------------------------------------------------
  let profileSeq = 0;
  async function loadProfile(id) {
    const seq = ++profileSeq;
    const box = $('profile');
    if (!id) {
      box.replaceChildren(el('p', { className: 'muted' }, 'No actor selected.'));
      return;
    }
    let p;
    try {
      p = await api('/api/actor/' + encodeURIComponent(id), { top: 12, places: 8 });
    } catch (e) {
      if (seq === profileSeq) box.replaceChildren(el('p', { className: 'muted' }, 'Profile unavailable: ' + e.message));
      return;
    }
    if (seq !== profileSeq) return;
    extendDomain(p.first_event, p.last_event);
    box.replaceChildren(...profileView(p));
  }

  function actorButton(id, name) {
    return el('a', { href: '#', title: 'Show this actor', onclick: (ev) => { ev.preventDefault(); recenter(id); } }, name);
  }

  function profileView(p) {
    const out = [];
    out.push(el('div', { className: 'actor-title' }, p.name));
    const meta = [p.kind, p.country, p.sector].filter(Boolean).join(' · ');
    const span = p.first_event ? p.first_event + (p.last_event && p.last_event !== p.first_event ? ' – ' + p.last_event : '') : 'no dated events';
    out.push(el('div', { className: 'actor-meta' }, meta + ' — ' + plural(p.events, 'event') + ', ' +
      plural(p.mentions, 'mention') + ' in ' + plural(p.articles, 'article') + ' — ' + span));
    const actions = el('div', { className: 'actions' });
    if (p.id !== state.center) actions.append(el('button', { type: 'button', onclick: () => recenter(p.id) }, 'Re-centre'));
    if (p.id !== state.center && !state.expanded.includes(p.id)) actions.append(el('button', { type: 'button', onclick: () => expand(p.id) }, 'Expand'));
    actions.append(el('button', { type: 'button', onclick: () => setPathEnd('from', p.id, p.name) }, 'Path from'));
    actions.append(el('button', { type: 'button', onclick: () => setPathEnd('to', p.id, p.name) }, 'Path to'));
    out.push(actions);
    const aliases = (p.aliases || []).filter((a) => a !== p.name);
    if (aliases.length) {
      out.push(el('h3', null, 'Also named'));
      out.push(el('div', { className: 'muted' }, trunc(aliases.slice(0, 12).join(' · '), 300)));
    }
    if (p.roles && p.roles.length) {
      out.push(el('h3', null, 'Roles over time'));
      out.push(rolesView(p.roles));
    }
    if (p.event_classes && p.event_classes.length) {
      out.push(el('h3', null, 'Events by CAMEO class (as source / as target)'));
      const max = Math.max(...p.event_classes.map((c) => c.total));
      const t = el('table', { className: 'counts' });
      for (const c of p.event_classes) {
        const bar = el('span', { className: 'class-bar' });
        bar.style.width = Math.max(3, Math.round(70 * c.total / max)) + 'px';
        bar.style.background = QUAD_COLOUR[rootQuad[c.root] || 0];
        t.append(el('tr', null, el('td', null, c.root + ' ' + (c.label || '')), el('td', null, bar),
          el('td', { className: 'n' }, c.as_source + ' / ' + c.as_target)));
      }
      out.push(t);
    }
    if (p.counterparts && p.counterparts.length) {
      out.push(el('h3', null, 'Counterparts (' + p.total_counterparts + ')'));
      const t = el('table', { className: 'counts' });
      for (const c of p.counterparts) {
        t.append(el('tr', null,
          el('td', null, actorButton(c.id, c.name), el('div', { className: 'muted' }, trunc(c.relations, 60))),
          el('td', { className: 'n' }, plural(c.events, 'event')),
          el('td', { className: 'n muted' }, c.last_date || '')));
      }
      out.push(t);
    }
    if (p.places && p.places.length) {
      out.push(el('h3', null, 'Where it acted (' + p.total_places + ' ' + (p.total_places === 1 ? 'place' : 'places') + ')'));
      const t = el('table', { className: 'counts places' });
      for (const c of p.places) {
        t.append(el('tr', { dataset: { place: c.name } },
          el('td', null, c.name + (c.country ? ' (' + c.country + ')' : ''),
            el('div', { className: 'muted' }, c.precision + ' · ' + c.lat.toFixed(2) + ', ' + c.lon.toFixed(2))),
          el('td', { className: 'n' }, plural(c.events, 'event')),
          el('td', { className: 'n muted' }, c.last || '')));
      }
      out.push(t);
    }
    return out;
  }

  // ---- map ------------------------------------------------------------------
  // Leaflet on the equirectangular CRS with no tile layer: a 30° graticule and
  // one point per place, its area by the number of events there.
  let map = null;
  let placeLayer = null;
  let mapSeq = 0;
  function setupMap() {
    if (typeof L === 'undefined') return;
    map = L.map('map', { crs: L.CRS.EPSG4326, attributionControl: false, minZoom: 0, maxZoom: 8,
      worldCopyJump: false, maxBounds: [[-100, -200], [100, 200]] });
    const grid = [];
    for (let lat = -90; lat <= 90; lat += 30) grid.push([[lat, -180], [lat, 180]]);
    for (let lon = -180; lon <= 180; lon += 30) grid.push([[-90, lon], [90, lon]]);
    for (const line of grid) L.polyline(line, { className: 'graticule', weight: 1, interactive: false }).addTo(map);
    placeLayer = L.layerGroup().addTo(map);
    map.fitBounds([[-90, -180], [90, 180]]);
  }

  async function loadMap() {
    const seq = ++mapSeq;
    if (!map) return;
    const actors = state.edge ? state.edge.split('~') : [state.selected || state.center].filter(Boolean);
    const fp = filterParams();
    placeLayer.clearLayers();
    if (!actors.length || fp === null) {
      $('map-title').textContent = '';
      return;
    }
    let t;
    try {
      t = await api('/api/places', Object.assign({ actor: actors, limit: 300 }, fp));
    } catch (e) {
      if (seq === mapSeq) $('map-title').textContent = 'unavailable: ' + e.message;
      return;
    }
    if (seq !== mapSeq) return;
    placeLayer.clearLayers();
    const max = Math.max(1, ...t.places.map((c) => c.events));
    for (const c of t.places) {
      const m = L.circleMarker([c.lat, c.lon], { className: 'map-place', weight: 1, fillOpacity: 0.7,
        radius: 4 + 8 * Math.sqrt(c.events / max) });
      m.bindTooltip(c.name + (c.country ? ' (' + c.country + ')' : '') + ' — ' + plural(c.events, 'event') +
        (c.first ? ', ' + c.first + (c.last !== c.first ? ' – ' + c.last : '') : ''));
      m.addTo(placeLayer);
      const path = m.getElement ? m.getElement() : m._path;
      if (path) {
        path.dataset.name = c.name;
        path.dataset.events = c.events;
      }
    }
    $('map-title').textContent = plural(t.total_places, 'place') + ', ' +
      plural(t.unplaced_events, 'event') + ' without one';
    map.invalidateSize();
  }

  function rolesView(roles) {
    const years = [];
    for (const r of roles) {
      if (r.from) years.push(+r.from.slice(0, 4));
      if (r.to) years.push(+r.to.slice(0, 4));
    }
    const now = new Date().getFullYear();
    const lo = years.length ? Math.min(...years) : now - 1;
    const hi = Math.max(now, ...years) + 1;
    const list = el('ul', { className: 'roles' });
    for (const r of roles) {
      const where = r.target || r.organization || r.country || '';
      const title = (r.title || r.relation || 'role') + (where ? ', ' + where : '');
      const when = (r.from || '?') + ' – ' + (r.to || 'now');
      const bar = el('div', { className: 'role-bar' });
      const seg = el('span');
      const a = r.from ? +r.from.slice(0, 4) : lo;
      const b = r.to ? +r.to.slice(0, 4) + 1 : hi;
      seg.style.left = (100 * (a - lo) / (hi - lo)) + '%';
      seg.style.width = Math.max(2, 100 * (b - a) / (hi - lo)) + '%';
      bar.append(seg);
      list.append(el('li', null, el('span', null, title), el('span', { className: 'span' }, when), bar));
    }
    return list;
  }

  // ---- evidence panel -------------------------------------------------------
  let evidenceSeq = 0;
  const EVENTS_WITH_REPORTS = 8;

  async function loadEvidence() {
    const seq = ++evidenceSeq;
    const panel = $('evidence-panel'), box = $('evidence');
    panel.hidden = false;
    const [a, b] = state.edge.split('~');
    box.replaceChildren(el('p', { className: 'muted' }, 'Loading the evidence…'));
    const fp = filterParams() || {};
    let t;
    try {
      t = await api('/api/timeline', Object.assign({ actor: [a, b], limit: 50 }, fp));
    } catch (e) {
      if (seq === evidenceSeq) box.replaceChildren(el('p', { className: 'muted' }, 'Evidence unavailable: ' + e.message));
      return;
    }
    if (seq !== evidenceSeq) return;
    const events = t.events.slice().reverse();   // latest first
    const details = await Promise.all(events.slice(0, EVENTS_WITH_REPORTS).map((e) =>
      api('/api/events/' + e.id, { limit: 10 }).catch(() => null)));
    if (seq !== evidenceSeq) return;
    const head = el('div', { className: 'actor-meta' },
      (t.actors[0] ? t.actors[0].name : nameOf(a)) + ' — ' + (t.actors[1] ? t.actors[1].name : nameOf(b)) + ': ' +
      plural(t.events.length + t.truncated, 'event') + (t.truncated ? ' (the first 50 listed)' : ''));
    const list = [head];
    if (!events.length) list.push(el('p', { className: 'muted' }, 'No events between them with these filters.'));
    events.forEach((e, i) => list.push(eventView(details[i] || e, !!details[i])));
    box.replaceChildren(...list);
    panel.scrollIntoView({ block: 'nearest' });
  }

  async function loadEvent(id) {
    const seq = ++evidenceSeq;
    state.event = id;
    writeHash();
    const panel = $('evidence-panel'), box = $('evidence');
    panel.hidden = false;
    box.replaceChildren(el('p', { className: 'muted' }, 'Loading the evidence…'));
    try {
      const d = await api('/api/events/' + encodeURIComponent(id), { limit: 50 });
      if (seq !== evidenceSeq) return;
      box.replaceChildren(eventView(d, true));
    } catch (e) {
      if (seq === evidenceSeq) box.replaceChildren(el('p', { className: 'muted' }, 'Evidence unavailable: ' + e.message));
    }
  }

  function relationPill(e) {
    const pill = el('span', { className: 'rel', title: (e.cameo || '') + ' ' + (e.label || '') }, e.relation || e.cameo);
    pill.style.background = QUAD_COLOUR[e.quad_class || rootQuad[(e.cameo || '').slice(0, 2)] || 0];
    return pill;
  }

  // One event: head, then every report (sentence with the actors marked,
  // publisher, date, link) or, without details, its first sentence.
  function eventView(e, detailed) {
    const box = el('div', { className: 'event', dataset: { event: e.id } });
    box.append(el('div', { className: 'event-head' }, (e.date || 'undated') + '  ', e.source, ' ', relationPill(e), ' ', e.target));
    const sub = ['CAMEO ' + e.cameo + (e.label ? ' ' + e.label : '')];
    if (e.location) sub.push('in ' + e.location);
    sub.push(plural(e.mentions || 0, 'report'));
    if (e.negated) sub.push('negated');
    if (e.hypothetical) sub.push('hypothetical');
    box.append(el('div', { className: 'event-sub' }, sub.join(' · ')));
    if (detailed && e.reports) {
      for (const r of e.reports) box.append(reportView(r));
      if (e.total_reports > e.reports.length) {
        box.append(el('div', { className: 'muted' }, (e.total_reports - e.reports.length) + ' more reports'));
      }
    } else if (e.evidence) {
      box.append(el('div', { className: 'report' }, el('p', { className: 'sentence' }, e.evidence.sentence),
        el('button', { type: 'button', className: 'link-button', onclick: () => loadEvent(e.id) }, 'every report')));
    }
    return box;
  }

  function reportView(r) {
    const sentence = el('p', { className: 'sentence' });
    for (const s of r.segments || [{ text: r.sentence, role: null }]) {
      sentence.append(s.role ? el('mark', { className: s.role, title: s.role }, s.text) : document.createTextNode(s.text));
    }
    const a = r.article || {};
    const line = el('div', { className: 'source-line' });
    const bits = [a.publisher || 'unknown publisher', a.date || r.date].filter(Boolean).join(', ');
    line.append(bits);
    const link = safeLink(a.link);
    if (a.title || link) line.append(' — ');
    if (link) {
      line.append(el('a', { href: link, target: '_blank', rel: 'noopener noreferrer nofollow', title: link }, a.title || link));
    } else if (a.title) {
      line.append(a.title);
    }
    return el('div', { className: 'report' }, sentence, line);
  }

  // ---- timeline -------------------------------------------------------------
  let timelineSeq = 0;
  async function loadTimeline() {
    const seq = ++timelineSeq;
    const actors = state.edge ? state.edge.split('~') : [state.selected || state.center].filter(Boolean);
    const list = $('timeline-list');
    if (!actors.length) {
      list.replaceChildren();
      drawTimeline([]);
      return;
    }
    const fp = filterParams();
    if (fp === null) {
      $('timeline-title').textContent = 'no kind of event selected';
      list.replaceChildren();
      drawTimeline([]);
      return;
    }
    let t;
    try {
      t = await api('/api/timeline', Object.assign({ actor: actors, limit: 300 }, fp));
    } catch (e) {
      if (seq === timelineSeq) $('timeline-title').textContent = 'unavailable: ' + e.message;
      return;
    }
    if (seq !== timelineSeq) return;
    const names = t.actors.map((a) => a.name).join(' and ');
    $('timeline-title').textContent = names + ' — ' + plural(t.events.length + t.truncated, 'event') +
      (t.truncated ? ' (the first ' + t.events.length + ' shown)' : '');
    drawTimeline(t.events);
    const items = t.events.slice().reverse().map((e) => {
      const li = el('li', { title: e.evidence ? e.evidence.sentence : '', dataset: { event: e.id }, onclick: () => loadEvent(e.id) },
        el('span', { className: 'date' }, e.date || 'undated'),
        el('span', { className: 'what' }, e.source + ' ', relationPill(e), ' ' + e.target));
      return li;
    });
    list.replaceChildren(...items);
  }

  function parseDay(iso) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso || '');
    if (!m) return null;
    return new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 6, m[3] ? +m[3] : (m[2] ? 15 : 1)));
  }

  function drawTimeline(events) {
    const s = d3.select('#timeline');
    s.selectAll('*').remove();
    const r = $('timeline').getBoundingClientRect();
    const w = Math.max(r.width, 200), h = Math.max(r.height, 80);
    const dated = events.filter((e) => parseDay(e.date));
    if (!dated.length) {
      s.append('text').attr('x', 10).attr('y', 20).attr('fill', '#637381').attr('font-size', 12)
        .text(events.length ? 'No dated events.' : 'No events.');
      return;
    }
    const margin = { l: 118, r: 14, t: 6, b: 22 };
    let [lo, hi] = d3.extent(dated, (e) => parseDay(e.date));
    if (+lo === +hi) {
      lo = new Date(+lo - 15 * 864e5);
      hi = new Date(+hi + 15 * 864e5);
    }
    const x = d3.scaleUtc().domain([lo, hi]).range([margin.l, w - margin.r]).nice();
    const lane = d3.scaleBand().domain([1, 2, 3, 4]).range([margin.t, h - margin.b]).padding(0.15);
    const g = s.append('g');
    for (let q = 1; q <= 4; q++) {
      g.append('rect').attr('x', margin.l).attr('y', lane(q)).attr('width', w - margin.l - margin.r)
        .attr('height', lane.bandwidth()).attr('fill', q % 2 ? '#f7f9fb' : '#fff');
      g.append('text').attr('x', margin.l - 6).attr('y', lane(q) + lane.bandwidth() / 2).attr('dy', '0.35em')
        .attr('text-anchor', 'end').attr('font-size', 10.5).attr('fill', QUAD_COLOUR[q]).text(QUAD_LABEL[q]);
    }
    s.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (h - margin.b) + ')')
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor((w - margin.l) / 90))));
    // Stack the events of one day and lane.
    const stack = {};
    const dots = s.append('g').selectAll('circle').data(dated).enter().append('circle')
      .attr('r', 4.5)
      .attr('cx', (e) => x(parseDay(e.date)))
      .attr('cy', (e) => {
        const q = e.quad_class || rootQuad[(e.cameo || '').slice(0, 2)] || 1;
        const k = q + '|' + e.date;
        stack[k] = (stack[k] || 0) + 1;
        const band = lane.bandwidth();
        return lane(q) + band / 2 + ((stack[k] - 1) % 3 - 1) * Math.min(7, band / 3);
      })
      .attr('fill', (e) => QUAD_COLOUR[e.quad_class || rootQuad[(e.cameo || '').slice(0, 2)] || 0]);
    dots.append('title').text((e) => (e.date || '') + ': ' + e.source + ' ' + e.relation + ' ' + e.target);
    on(dots, 'click', function (event, e) { loadEvent(e.id); });
  }

  // ---- search boxes with suggestions ---------------------------------------
  // `choose(actor)` gets {id, name, …} once the person picks a name.
  function attachSuggest(input, list, choose) {
    let seq = 0;
    let items = [];
    let active = -1;

    function hide() {
      list.hidden = true;
      active = -1;
    }
    function show(rows, note) {
      items = rows;
      active = rows.length ? 0 : -1;
      const lis = rows.map((a, i) => {
        const li = el('li', { role: 'option', className: i === active ? 'active' : '' },
          el('span', { className: 'name' }, a.name),
          el('span', { className: 'meta' }, [a.kind, a.country].filter(Boolean).join(', ') +
            (a.mentions !== undefined ? ' · ' + a.mentions : '')));
        li.addEventListener('mousedown', (ev) => {
          ev.preventDefault();
          pick(i);
        });
        return li;
      });
      if (note) lis.unshift(el('li', { className: 'note' }, note));
      list.replaceChildren(...lis);
      list.hidden = lis.length === 0;
    }
    function pick(i) {
      const a = items[i];
      if (!a) return;
      if (a.suggestion) {
        input.value = a.name;
        lookup(true);
        return;
      }
      input.value = a.name;
      input.dataset.id = a.id;
      hide();
      choose(a);
    }
    async function lookup(resolve) {
      const text = input.value.trim();
      const mySeq = ++seq;
      delete input.dataset.id;
      if (!text) {
        hide();
        return;
      }
      let r;
      try {
        // While typing, prefix matches only; resolution (which may scan every
        // name) on Enter, or when nothing starts with what was typed.
        r = await api('/api/search', { q: text, limit: 8, resolve: resolve ? undefined : 0 });
        if (!resolve && !r.matches.length) r = await api('/api/search', { q: text, limit: 8 });
      } catch (e) {
        if (mySeq === seq) show([], e.status === 400 ? 'Type a name.' : 'Search failed: ' + e.message);
        return;
      }
      if (mySeq !== seq) return;
      if (resolve) {
        if (r.outcome === 'found') {
          items = [r.actor];
          pick(0);
          return;
        }
        if (r.outcome === 'ambiguous') {
          show(r.candidates, r.total_candidates + ' actors match “' + trunc(text, 40) + '”: pick one');
          return;
        }
      }
      if (r.matches.length) {
        show(r.matches);
      } else if (r.outcome === 'found') {
        show([r.actor]);
      } else if (r.outcome === 'ambiguous') {
        show(r.candidates, r.total_candidates + ' actors match');
      } else {
        show(r.suggestions.map((name) => ({ name, suggestion: true })),
          'No actor named “' + trunc(text, 40) + '”' + (r.suggestions.length ? '; did you mean:' : ''));
      }
    }
    const typed = debounce(() => lookup(false), 150);
    input.addEventListener('input', typed);
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        if (list.hidden || !items.length) return;
        ev.preventDefault();
        active = (active + (ev.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        const options = list.querySelectorAll('li[role=option]');
        options.forEach((li, i) => li.classList.toggle('active', i === active));
      } else if (ev.key === 'Enter') {
        ev.preventDefault();
        if (!list.hidden && active >= 0 && items[active]) pick(active);
        else lookup(true);
      } else if (ev.key === 'Escape') {
        hide();
      }
    });
    input.addEventListener('blur', () => setTimeout(hide, 120));
    return { hide };
  }

  // ---- path finder ----------------------------------------------------------
  function setPathEnd(which, id, name) {
    const input = $(which === 'from' ? 'path-from' : 'path-to');
    input.value = name;
    input.dataset.id = id;
    if ($('path-from').dataset.id && $('path-to').dataset.id) findPath();
  }

  let pathSeq = 0;
  async function findPath() {
    const seq = ++pathSeq;
    const box = $('path');
    const from = $('path-from').dataset.id || $('path-from').value.trim();
    const to = $('path-to').dataset.id || $('path-to').value.trim();
    if (!from || !to) {
      box.replaceChildren(el('p', { className: 'muted' }, 'Pick two actors.'));
      return;
    }
    box.replaceChildren(el('p', { className: 'muted' }, 'Searching…'));
    const fp = filterParams() || {};
    let r;
    try {
      r = await api('/api/path', { from, to, max_depth: 4, relation: fp.relation, from_date: state.from, to_date: state.to });
    } catch (e) {
      if (seq !== pathSeq) return;
      const rows = [el('p', { className: 'muted' }, e.message.split('\n')[0])];
      if (e.body && e.body.candidates && e.body.candidates.length) {
        const ul = el('ul');
        for (const c of e.body.candidates) ul.append(el('li', null, c.name + ' (' + [c.kind, c.country].filter(Boolean).join(', ') + ')'));
        rows.push(ul);
      }
      box.replaceChildren(...rows);
      return;
    }
    if (seq !== pathSeq) return;
    state.pathFrom = r.nodes.length ? r.nodes[0].id : null;
    state.pathTo = r.nodes.length ? r.nodes[r.nodes.length - 1].id : null;
    if (!r.found) {
      pathOverlay = null;
      state.pathFrom = state.pathTo = null;
      box.replaceChildren(el('p', { className: 'muted' }, 'No path within ' + r.max_depth + ' hops' +
        (r.truncated ? ' (the search stopped after ' + r.visited + ' actors)' : '') + '.'));
      writeHash();
      loadView();
      return;
    }
    state.pathFrom = r.nodes[0].id;
    state.pathTo = r.nodes[r.nodes.length - 1].id;
    $('path-from').value = r.nodes[0].name;
    $('path-from').dataset.id = r.nodes[0].id;
    $('path-to').value = r.nodes[r.nodes.length - 1].name;
    $('path-to').dataset.id = r.nodes[r.nodes.length - 1].id;
    pathOverlay = { nodes: r.nodes, steps: r.steps };
    const ol = el('ol');
    r.steps.forEach((s) => {
      const what = s.event
        ? el('span', null, s.from + ' ', relationPill(Object.assign({}, s.event, {
          relation: (s.forward ? '' : '← ') + s.event.relation })), ' ' + s.to + (s.event.date ? ' (' + s.event.date + ')' : ''))
        : el('span', null, s.from + ' — ' + (s.relation || 'role') + (s.role && s.role.title ? ': ' + s.role.title : '') + ' — ' + s.to);
      const li = el('li', null, what);
      if (s.event) {
        li.append(' ', el('button', { type: 'button', className: 'link-button', onclick: () => loadEvent(s.event.id) }, 'evidence'));
      }
      ol.append(li);
    });
    box.replaceChildren(el('div', { className: 'muted' }, plural(r.hops, 'hop') + ' (' + r.visited + ' actors searched)'), ol);
    writeHash();
    loadView();
  }

  // ---- filters --------------------------------------------------------------
  function applyFilters() {
    writeHash();
    loadView();
    loadTimeline();
    loadMap();
    if (state.edge) loadEvidence();
  }

  function setupFilters() {
    const quads = $('quads');
    for (let q = 1; q <= 4; q++) {
      const box = el('input', { type: 'checkbox', checked: state.quads.includes(q), dataset: { quad: String(q) } });
      const swatch = el('span', { className: 'quad-swatch' });
      swatch.style.background = QUAD_COLOUR[q];
      box.addEventListener('change', () => {
        state.quads = Array.from(quads.querySelectorAll('input')).filter((b) => b.checked).map((b) => +b.dataset.quad);
        applyFilters();
      });
      quads.append(el('label', { title: QUAD_LABEL[q] }, box, swatch, QUAD_LABEL[q].replace('cooperation', 'coop.')));
    }
    const select = $('root');
    for (const r of roots) select.append(el('option', { value: r.root }, r.root + ' ' + r.label.toLowerCase()));
    select.value = state.root;
    select.addEventListener('change', () => { state.root = select.value; applyFilters(); });
    const hide = $('hide-statements');
    hide.checked = state.hideStatements;
    hide.addEventListener('change', () => { state.hideStatements = hide.checked; applyFilters(); });
    const ms = $('min-sources');
    ms.value = state.minSources;
    ms.addEventListener('change', () => {
      const v = parseInt(ms.value, 10);
      state.minSources = Number.isFinite(v) ? Math.min(20, Math.max(1, v)) : 1;
      ms.value = state.minSources;
      applyFilters();
    });
    const depth = $('depth');
    depth.value = String(state.depth);
    depth.addEventListener('change', () => { state.depth = +depth.value; fitPending = true; loadView(); });
    const limit = $('limit');
    limit.value = String(state.limit);
    limit.addEventListener('change', () => { state.limit = +limit.value; loadView(); });
    const later = debounce(applyFilters, 300);
    for (const id of ['date-from', 'date-to']) {
      const s = $(id);
      s.addEventListener('input', () => { readSliders(s); later(); });
      s.addEventListener('change', () => { readSliders(s); later(); });
    }
    syncSliders();
  }

  function syncFilterControls() {
    $('quads').querySelectorAll('input').forEach((b) => { b.checked = state.quads.includes(+b.dataset.quad); });
    $('root').value = state.root;
    $('hide-statements').checked = state.hideStatements;
    $('min-sources').value = state.minSources;
    $('depth').value = String(state.depth);
    $('limit').value = String(state.limit);
    syncSliders();
  }

  // ---- start ----------------------------------------------------------------
  async function loadStats() {
    try {
      const s = await api('/api/stats');
      $('stats').textContent = [plural(s.articles, 'article'), plural(s.actors, 'actor'), plural(s.events, 'event')].join(' · ');
    } catch (e) {
      $('stats').textContent = '';
    }
  }

  // Everything the state names: graph, side panels, timeline, path.
  function loadAll() {
    fitPending = true;
    loadView();
    loadProfile(state.selected || state.center);
    loadTimeline();
    loadMap();
    if (state.event) loadEvent(state.event);
    else if (state.edge) loadEvidence();
    if (state.pathFrom && state.pathTo) {
      $('path-from').dataset.id = state.pathFrom;
      $('path-to').dataset.id = state.pathTo;
      findPath();
    }
  }

  async function boot() {
    setupGraph();
    setupMap();
    readHash();
    try {
      const c = await api('/api/cameo');
      roots = c.roots;
      for (const r of roots) rootQuad[r.root] = r.quad_class;
    } catch (e) {
      roots = [];
    }
    setupFilters();
    attachSuggest($('search'), $('search-list'), (a) => {
      $('search').blur();
      recenter(a.id);
    });
    for (const id of ['path-from', 'path-to']) {
      const input = $(id);
      attachSuggest(input, input.parentElement.querySelector('.suggestions'), () => {});
    }
    $('path-form').addEventListener('submit', (ev) => { ev.preventDefault(); findPath(); });
    $('evidence-close').addEventListener('click', () => {
      $('evidence-panel').hidden = true;
      state.edge = null;
      state.event = null;
      refreshClasses();
      writeHash();
      loadTimeline();
      loadMap();
    });
    $('permalink').addEventListener('click', async () => {
      writeHash();
      try {
        await navigator.clipboard.writeText(location.href);
        toast('Link to this view copied');
      } catch (e) {
        toast('The address bar holds the link to this view');
      }
    });
    window.addEventListener('hashchange', () => {
      readHash();
      syncFilterControls();
      pathOverlay = null;
      loadAll();
    });
    loadStats();
    if (!state.center) {
      try {
        const top = await api('/api/actors', { limit: 1 });
        if (top.actors.length) {
          state.center = top.actors[0].id;
          state.selected = state.center;
        }
      } catch (e) {
        message('Could not reach the database: ' + e.message);
        return;
      }
    }
    if (!state.center) {
      message('The database holds no actors yet: ingest some articles.');
      return;
    }
    loadAll();
  }

  document.addEventListener('DOMContentLoaded', () => {
    boot().finally(() => setBusy(-1));
  });
  setBusy(+1);
})();
