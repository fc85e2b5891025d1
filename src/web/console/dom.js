// Small DOM helpers. Text always goes in through textContent: claimant data is never parsed as HTML.

const strings = JSON.parse(document.getElementById('strings').textContent);
export const lang = document.documentElement.lang;

export function t(key, vars = {}) {
  const value = key.split('.').reduce((node, part) => node?.[part], strings[lang]) ?? key;
  return typeof value === 'string'
    ? value.replace(/\{\{(\w+)\}\}/g, (_, name) => String(vars[name] ?? ''))
    : key;
}

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of [].concat(children))
    if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

let flashTimer;
export function flash(text, isError = false) {
  const node = $('flash');
  node.textContent = text;
  node.className = isError ? 'flash error' : 'flash';
  node.hidden = false;
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => {
    node.hidden = true;
  }, 4000);
}

export function field(label, input) {
  return el('label', {}, [el('span', { text: label }), input]);
}

export function select(name, options, value) {
  return el(
    'select',
    { name },
    options.map(([v, label]) => el('option', { value: v, text: label, selected: v === value })),
  );
}
