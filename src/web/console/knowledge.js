// The legal staff's card editor: list and search the cards, edit one as its Markdown file, see
// the reply a worker would get (zh and en) before saving, save, retire, export and import.
import { api, getCsrf } from './api.js';
import { $, clear, el, flash, t } from './dom.js';
import { initKnowledgeReview, loadKnowledgeReview } from './knowledge-review.js';

let editing = { id: null, reviewItemId: null };

// The reply as the web chat shows it: the lead, then steps and each article once, in words.
function replyPreview(reply) {
  const parts = reply.answer ?? { lead: reply.text, steps: [] };
  return el('div', { class: 'kn-reply' }, [
    el('p', { class: 'lead', text: parts.lead }),
    parts.more ? el('p', { text: parts.more }) : null,
    el(
      'ol',
      {},
      (parts.steps ?? []).map((step) => el('li', { text: step })),
    ),
    el(
      'ul',
      { class: 'cites' },
      (reply.citations ?? []).map((c) => el('li', { text: `《${c.law}》${c.title ?? c.article}` })),
    ),
    el('pre', { class: 'kn-text', text: reply.text }),
  ]);
}

function showProblems(err) {
  $('kn-errors').textContent = err ? err.message : '';
}

/** Open a card (or a draft) in the editor. */
export function editCard(id, markdown, reviewItemId = null) {
  editing = { id, reviewItemId };
  $('kn-markdown').value = markdown;
  $('kn-editing').textContent = id ? t('knowledge.editing', { id }) : t('knowledge.newCard');
  $('kn-retire').disabled = !id;
  clear($('kn-preview-zh'));
  clear($('kn-preview-en'));
  showProblems(null);
}

async function openCard(id) {
  const card = await api('GET', `/api/staff/knowledge/cards/${encodeURIComponent(id)}`);
  editCard(id, card.markdown);
  const history = $('kn-history');
  clear(history);
  for (const v of card.history)
    history.append(
      el('li', {
        text: `v${v.version} ${t(`knowledge.action.${v.action}`)} · ${v.staffName} · ${v.createdAt.slice(0, 16)}`,
      }),
    );
}

export async function loadCards() {
  const q = $('kn-q').value.trim();
  const { cards } = await api('GET', `/api/staff/knowledge/cards${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  const list = clear($('kn-cards'));
  for (const card of cards)
    list.append(
      el('li', {}, [
        el('button', { type: 'button', 'data-card': card.id, onclick: () => openCard(card.id) }, [
          el('b', { text: card.id }),
          el('span', { text: ` ${card.lead.slice(0, 40)}` }),
        ]),
      ]),
    );
}

async function preview() {
  try {
    const replies = await api('POST', '/api/staff/knowledge/preview', { markdown: $('kn-markdown').value });
    showProblems(null);
    $('kn-preview-zh').replaceChildren(el('h4', { text: '中文' }), replyPreview(replies.zh));
    $('kn-preview-en').replaceChildren(el('h4', { text: 'English' }), replyPreview(replies.en));
  } catch (err) {
    showProblems(err);
  }
}

async function save() {
  const markdown = $('kn-markdown').value;
  try {
    const saved = editing.id
      ? await api('PUT', `/api/staff/knowledge/cards/${encodeURIComponent(editing.id)}`, { markdown })
      : await api('POST', '/api/staff/knowledge/cards', {
          markdown,
          ...(editing.reviewItemId ? { reviewItemId: editing.reviewItemId } : {}),
        });
    showProblems(null);
    flash(t('knowledge.saved', { id: saved.card.id, version: saved.version }));
    await openCard(saved.card.id);
    await Promise.all([loadCards(), loadKnowledgeReview()]);
  } catch (err) {
    showProblems(err);
  }
}

async function retire() {
  if (!editing.id || !confirm(t('knowledge.retireConfirm', { id: editing.id }))) return;
  await api('POST', `/api/staff/knowledge/cards/${encodeURIComponent(editing.id)}/retire`);
  flash(t('knowledge.retired', { id: editing.id }));
  editCard(null, '');
  await loadCards();
}

async function importArchive(file) {
  const response = await fetch('/api/staff/knowledge/import', {
    method: 'POST',
    headers: { 'content-type': 'application/gzip', 'x-csrf-token': getCsrf() },
    body: file,
    credentials: 'same-origin',
  });
  const body = await response.json();
  if (!response.ok) return showProblems(new Error(body.message));
  showProblems(null);
  flash(t('knowledge.imported', { created: body.created.length, updated: body.updated.length }));
  await loadCards();
}

export function initKnowledge(staff) {
  const tab = $('knowledge-tab');
  if (staff.role !== 'knowledge') return;
  tab.hidden = false;
  $('kn-search').addEventListener('submit', (event) => {
    event.preventDefault();
    loadCards();
  });
  $('kn-new').addEventListener('click', () => editCard(null, ''));
  $('kn-preview').addEventListener('click', preview);
  $('kn-save').addEventListener('click', save);
  $('kn-retire').addEventListener('click', retire);
  $('kn-import').addEventListener(
    'change',
    (event) => event.target.files[0] && importArchive(event.target.files[0]),
  );
  initKnowledgeReview(editCard);
}

export function loadKnowledge() {
  loadCards();
  loadKnowledgeReview();
}
