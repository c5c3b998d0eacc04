// Weekly Report preview (runs in the webview; loaded with a CSP nonce, no other script may run).
// Receives rendered HTML from the extension host, patches the DOM keeping the scroll position,
// acknowledges each painted version, and syncs scrolling with the editor through data-line attributes.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('wr-root');
  let version = Number(root.getAttribute('data-version')) || 0;
  /** Our own (programmatic) scroll: the position it produced, recognised in the scroll event and not echoed. */
  let ownScroll = null;
  let scrollFrame = 0;
  let lastSentLine = -1;

  /** Sizes from data-width/data-height (inline style attributes are forbidden by the CSP). */
  function applySizes(scope) {
    const els = scope.querySelectorAll('[data-width],[data-height]');
    for (const el of els) {
      const w = el.getAttribute('data-width');
      const h = el.getAttribute('data-height');
      if (w && /^[\d.]+(px|em|ex|pt|pc|cm|mm|in|%|rem|vw|vh)$/.test(w)) el.style.width = w;
      if (h && /^[\d.]+(px|em|ex|pt|pc|cm|mm|in|%|rem|vw|vh)$/.test(h)) el.style.height = h;
    }
  }

  function lineElements() {
    return Array.prototype.filter.call(root.querySelectorAll('[data-line]'), (el) => el.offsetParent !== null || el.getClientRects().length);
  }

  function scrollProgrammatically(y) {
    const before = window.scrollY;
    window.scrollTo(0, y);
    if (Math.abs(window.scrollY - before) >= 1) ownScroll = { y: window.scrollY, until: Date.now() + 500 };
  }

  /** Scroll so that source line `line` is at the top (interpolating between blocks). */
  function scrollToLine(line) {
    const els = lineElements();
    if (!els.length) return;
    let prev = null;
    let next = null;
    for (const el of els) {
      const l = Number(el.getAttribute('data-line'));
      if (l <= line) {
        if (!prev || l >= Number(prev.getAttribute('data-line'))) prev = el;
      } else if (!next || l < Number(next.getAttribute('data-line'))) next = el;
    }
    let y;
    if (!prev) y = 0;
    else {
      const pl = Number(prev.getAttribute('data-line'));
      const py = prev.getBoundingClientRect().top + window.scrollY;
      if (next) {
        const nl = Number(next.getAttribute('data-line'));
        const ny = next.getBoundingClientRect().top + window.scrollY;
        y = py + ((line - pl) / Math.max(1, nl - pl)) * Math.max(0, ny - py);
      } else y = py;
    }
    scrollProgrammatically(Math.max(0, y - 4));
  }

  /** The source line at the top of the viewport. */
  function topLine() {
    const els = lineElements();
    let best = null;
    let bestTop = -Infinity;
    let after = null;
    for (const el of els) {
      const top = el.getBoundingClientRect().top;
      if (top <= 1 && top > bestTop) {
        best = el;
        bestTop = top;
      } else if (top > 1 && (!after || top < after.getBoundingClientRect().top)) after = el;
    }
    if (!best) return after ? Number(after.getAttribute('data-line')) : 0;
    const bl = Number(best.getAttribute('data-line'));
    if (after) {
      const al = Number(after.getAttribute('data-line'));
      const r = best.getBoundingClientRect();
      const span = after.getBoundingClientRect().top - r.top;
      if (span > 0 && al > bl) return Math.floor(bl + ((al - bl) * -r.top) / span);
    }
    return bl;
  }

  /** Replace the children of `root` with the new HTML, touching only top-level nodes that changed. */
  function patch(html) {
    const tpl = document.createElement('template');
    tpl.innerHTML = html;
    const fresh = Array.prototype.slice.call(tpl.content.childNodes);
    const old = Array.prototype.slice.call(root.childNodes);
    const n = Math.max(fresh.length, old.length);
    for (let i = 0; i < n; i++) {
      const a = old[i];
      const b = fresh[i];
      if (!b) {
        root.removeChild(a);
        continue;
      }
      if (!a) {
        root.appendChild(b);
        continue;
      }
      if (a.nodeType === b.nodeType && (a.nodeType === 1 ? a.outerHTML === b.outerHTML : a.nodeValue === b.nodeValue)) continue;
      root.replaceChild(b, a);
    }
  }

  /** Tell the host which version is on screen, with a few facts read back from the DOM (used by tests). */
  function acknowledge(v, timing) {
    const headings = Array.prototype.slice.call(root.querySelectorAll('h1,h2,h3,h4,h5,h6'), 0, 50).map((h) => h.tagName.toLowerCase() + ':' + h.textContent.trim());
    const links = Array.prototype.slice.call(root.querySelectorAll('a[href]'), 0, 50).map((a) => a.getAttribute('href'));
    const scripts = Array.prototype.map.call(document.scripts, (s) => s.getAttribute('src') || 'inline:' + (s.textContent || '').slice(0, 60));
    vscode.postMessage({ type: 'painted', version: v, initial: !timing, headings, links, scripts, title: document.title, timing: timing ? Object.assign({ ackAt: Date.now() }, timing) : undefined });
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update' && typeof m.html === 'string') {
      const recvAt = Date.now();
      const y = window.scrollY;
      patch(m.html);
      applySizes(root);
      version = m.version;
      root.setAttribute('data-version', String(version));
      if (Math.abs(window.scrollY - y) > 1) scrollProgrammatically(y);
      const painted = version;
      const patchedAt = Date.now();
      requestAnimationFrame(() => {
        // the frame with the new DOM is being painted now; acknowledge after it
        setTimeout(() => acknowledge(painted, { recvAt, patchedAt, sentAt: m.sentAt }), 0);
      });
    } else if (m.type === 'scrollToLine' && typeof m.line === 'number') {
      scrollToLine(m.line);
      requestAnimationFrame(() => vscode.postMessage({ type: 'scrolled', line: topLine() }));
    } else if (m.type === 'userScroll' && typeof m.line === 'number') {
      // test hook: scroll as a user would (the scroll listener reports it to the editor)
      const els = lineElements().filter((el) => Number(el.getAttribute('data-line')) >= m.line);
      if (els.length) window.scrollTo(0, els[0].getBoundingClientRect().top + window.scrollY);
    }
  });

  window.addEventListener('scroll', () => {
    if (ownScroll) {
      const mine = Date.now() < ownScroll.until && Math.abs(window.scrollY - ownScroll.y) < 2;
      ownScroll = null;
      if (mine) return;
    }
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      const line = topLine();
      if (line !== lastSentLine) {
        lastSentLine = line;
        vscode.setState({ line, uri: root.getAttribute('data-uri') });
        vscode.postMessage({ type: 'revealLine', line });
      }
    });
  }, { passive: true });

  document.addEventListener('dblclick', (e) => {
    let el = e.target;
    while (el && el !== document.body && !(el.hasAttribute && el.hasAttribute('data-line'))) el = el.parentElement;
    if (el && el.hasAttribute && el.hasAttribute('data-line')) vscode.postMessage({ type: 'dblclick', line: Number(el.getAttribute('data-line')) });
  });

  document.addEventListener('click', (e) => {
    let el = e.target;
    while (el && el.tagName !== 'A') el = el.parentElement;
    if (!el) return;
    const href = el.getAttribute('href');
    if (!href) return;
    e.preventDefault();
    if (href.charAt(0) === '#') {
      const id = decodeURIComponent(href.slice(1));
      const target = document.getElementById(id);
      if (target) target.scrollIntoView();
      return;
    }
    vscode.postMessage({ type: 'link', href });
  });

  applySizes(root);
  const frag = root.getAttribute('data-fragment');
  const startLine = root.getAttribute('data-line');
  if (frag) {
    const t = document.getElementById(frag);
    if (t) t.scrollIntoView();
  } else {
    const saved = vscode.getState();
    if (saved && typeof saved.line === 'number' && saved.uri === root.getAttribute('data-uri')) scrollToLine(saved.line);
    else if (startLine) scrollToLine(Number(startLine));
  }
  requestAnimationFrame(() => setTimeout(() => acknowledge(version), 0));
})();
