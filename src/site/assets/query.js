// The query page: runs the editor's query against /sparql (JSON results), shows them as a
// table with IRIs linked to their pages, offers CSV and JSON downloads, and draws a bar
// chart when the answer has a numeric column. No library, nothing fetched from elsewhere.
(function () {
  const area = document.getElementById('sparql');
  const results = document.getElementById('results');
  const chart = document.getElementById('chart');
  const status = document.getElementById('status');
  const lang = document.documentElement.lang || 'ja';
  const url = (fmt) => '/sparql?format=' + fmt + '&query=' + encodeURIComponent(area.value);
  const refresh = () => {
    document.getElementById('csv').href = url('csv');
    document.getElementById('json').href = url('json');
  };
  document.querySelectorAll('button.load').forEach((b) =>
    b.addEventListener('click', () => { area.value = b.dataset.query; refresh(); }));
  area.addEventListener('input', refresh);
  refresh();
  const local = (iri) => {
    const base = document.body.dataset.base || '';
    return base && iri.startsWith(base) ? '/' + iri.slice(base.length) + '?lang=' + lang : iri;
  };
  const cell = (t) => {
    const td = document.createElement('td');
    if (!t) return td;
    // only http(s) IRIs become links: an IRI("javascript:…") of a query stays text
    if (t.type === 'uri' && /^https?:/i.test(t.value)) {
      const a = document.createElement('a');
      a.href = local(t.value);
      a.textContent = t.value;
      td.appendChild(a);
    } else {
      td.textContent = t.value + (t['xml:lang'] ? ' @' + t['xml:lang'] : '');
    }
    return td;
  };
  const draw = (vars, rows) => {
    chart.textContent = '';
    const num = vars.find((v) => rows.length > 0 && rows.every((r) => r[v] && r[v].type === 'literal' && !isNaN(parseFloat(r[v].value))));
    const lab = vars.find((v) => v !== num);
    if (!num || !lab || rows.length > 60) return;
    const ns = 'http://www.w3.org/2000/svg';
    const max = Math.max(...rows.map((r) => Math.abs(parseFloat(r[num].value)))) || 1;
    const svg = document.createElementNS(ns, 'svg');
    const h = 18 * rows.length + 10;
    svg.setAttribute('viewBox', '0 0 700 ' + h);
    svg.setAttribute('width', '100%');
    rows.forEach((r, i) => {
      const v = parseFloat(r[num].value);
      const t = document.createElementNS(ns, 'text');
      t.setAttribute('x', 240); t.setAttribute('y', 18 * i + 16); t.setAttribute('text-anchor', 'end');
      t.setAttribute('font-size', 11);
      t.textContent = (r[lab] ? r[lab].value : '').slice(0, 36);
      const bar = document.createElementNS(ns, 'rect');
      bar.setAttribute('x', 250); bar.setAttribute('y', 18 * i + 5);
      bar.setAttribute('width', Math.max(1, 380 * Math.abs(v) / max)); bar.setAttribute('height', 12);
      bar.setAttribute('fill', v < 0 ? '#c0392b' : '#0072b2');
      const val = document.createElementNS(ns, 'text');
      val.setAttribute('x', 255 + 380 * Math.abs(v) / max); val.setAttribute('y', 18 * i + 16);
      val.setAttribute('font-size', 11); val.textContent = r[num].value;
      svg.append(t, bar, val);
    });
    chart.appendChild(svg);
  };
  document.getElementById('editor').addEventListener('submit', async (e) => {
    e.preventDefault();
    status.textContent = '…';
    const t0 = performance.now();
    const res = await fetch('/sparql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/sparql-query', 'Accept': 'application/sparql-results+json, text/turtle;q=0.5' },
      body: area.value,
    });
    const text = await res.text();
    results.textContent = '';
    chart.textContent = '';
    if (!res.ok) { const pre = document.createElement('pre'); pre.textContent = text; results.appendChild(pre); status.textContent = res.status; return; }
    if (!(res.headers.get('Content-Type') || '').includes('json')) {
      const pre = document.createElement('pre'); pre.textContent = text; results.appendChild(pre);
      status.textContent = (performance.now() - t0).toFixed(0) + ' ms'; return;
    }
    const data = JSON.parse(text);
    if ('boolean' in data) { results.textContent = String(data.boolean); return; }
    const vars = data.head.vars;
    const rows = data.results.bindings;
    const table = document.createElement('table');
    const head = document.createElement('tr');
    vars.forEach((v) => { const th = document.createElement('th'); th.textContent = v; head.appendChild(th); });
    table.appendChild(head);
    rows.forEach((r) => { const tr = document.createElement('tr'); vars.forEach((v) => tr.appendChild(cell(r[v]))); table.appendChild(tr); });
    results.appendChild(table);
    status.textContent = rows.length + ' rows, ' + (performance.now() - t0).toFixed(0) + ' ms';
    draw(vars, rows);
  });
})();
