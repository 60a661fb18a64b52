() => {
  // Every element of the page's main area whose words overflow a box that hides them (an ellipsis or a
  // cut): buttons, metric labels, captions, toggles. Tables and charts draw their own text: left out.
  const out = [];
  const main = document.querySelector('[data-testid=stMain]') || document.body;
  for (const el of main.querySelectorAll('*')) {
    if (!el.textContent.trim() || el.closest('[data-testid=stDataFrame]') || el.closest('.js-plotly-plot')
        || el.closest('[data-testid=stDeckGlJsonChart]') || el.closest('[data-testid=stCode]')) continue;
    if (!el.getClientRects().length) continue;                        // hidden (another tab)
    const cs = getComputedStyle(el);
    const hides = cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.textOverflow === 'ellipsis';
    if (hides && el.scrollWidth > el.clientWidth + 1) {
      out.push({testid: (el.closest('[data-testid]') || {dataset: {}}).dataset.testid,
                text: el.textContent.trim().slice(0, 80), needs: el.scrollWidth, has: el.clientWidth});
    }
  }
  for (const el of main.querySelectorAll('input')) {                 // a chosen option, written in its box
    if (el.value && el.getClientRects().length && el.scrollWidth > el.clientWidth + 1) {
      out.push({testid: (el.closest('[data-testid]') || {dataset: {}}).dataset.testid,
                text: el.value.slice(0, 80), needs: el.scrollWidth, has: el.clientWidth});
    }
  }
  return out;
}
