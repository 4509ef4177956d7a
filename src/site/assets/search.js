// The static site's search: reads ?q= and ranks the texts of window.MEDRD_SEARCH (written
// by `medrd-kg publish` as assets/search-index.js) the way the server's /search does: fold
// case, full-width forms and spaces; a match on the whole text scores 100, at its start 70,
// inside it 40, times the text's weight; plus the resource's bonus and a share for short
// texts. Best first, ties by IRI; 50 hits. No library, nothing fetched from elsewhere.
(function () {
  const index = window.MEDRD_SEARCH || { docs: [], texts: [] };
  const lang = document.documentElement.lang === 'en' ? 'en' : 'ja';
  const fold = (s) => {
    let out = '';
    let space = false;
    for (const ch of s) {
      let c = ch;
      const code = ch.codePointAt(0);
      if (code >= 0xff01 && code <= 0xff5e) c = String.fromCodePoint(code - 0xfee0);
      else if (code === 0x3000) c = ' ';
      if (/\s/.test(c)) {
        if (!space && out.length) out += ' ';
        space = true;
        continue;
      }
      space = false;
      out += c.toLowerCase();
    }
    return out.trimEnd();
  };
  const chars = (s) => Array.from(s).length;
  const search = (raw, limit) => {
    const q = fold(raw);
    if (!q) return [];
    const best = new Map();
    for (const [k, text, weight] of index.texts) {
      const pos = text.indexOf(q);
      if (pos < 0) continue;
      const place = text === q ? 100 : pos === 0 ? 70 : 40;
      const doc = index.docs[k];
      const score = place * weight + doc.b
        + Math.floor((50 * chars(q)) / Math.max(chars(text), 1));
      if (!best.has(k) || best.get(k) < score) best.set(k, score);
    }
    const hits = Array.from(best, ([k, s]) => [index.docs[k], s]);
    hits.sort((a, b) => b[1] - a[1] || (a[0].i < b[0].i ? -1 : a[0].i > b[0].i ? 1 : 0));
    return hits.slice(0, limit);
  };
  const q = new URLSearchParams(location.search).get('q') || '';
  document.getElementById('q').textContent = q;
  document.querySelectorAll('input[name=q]').forEach((i) => { i.value = q; });
  // the language switch keeps the question
  document.querySelectorAll('a.lang').forEach((a) => {
    if (q) a.href = a.getAttribute('href').split('?')[0] + '?q=' + encodeURIComponent(q);
  });
  const list = document.getElementById('hits');
  const hits = search(q, 50);
  document.getElementById('count').textContent = String(hits.length);
  for (const [doc] of hits) {
    const [label, href] = doc[lang];
    const li = document.createElement('li');
    const a = document.createElement('a');
    // only links this site wrote, or http(s) IRIs
    a.href = /^(\/|https?:)/i.test(href) ? href : '#';
    a.textContent = label;
    const code = document.createElement('code');
    code.textContent = doc.i;
    li.append(a, ' ', code);
    list.append(li);
  }
})();
