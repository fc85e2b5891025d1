// The review queue: questions the cards did not answer well, masked, counted by topic. Two clicks
// from an item to a better card: 加为问法 then 确认 (the closest card is chosen already), or
// 新建卡片 (the editor opens prefilled) then 保存.
import { api } from './api.js';
import { $, clear, el, flash, t } from './dom.js';

let openEditor = () => {};
let cardIds = [];

function askPicker(item, row) {
  const picker = el(
    'select',
    { class: 'kn-target', 'aria-label': t('knowledge.pickCard') },
    cardIds.map((id) => el('option', { value: id, text: id, selected: id === item.cardId })),
  );
  const confirmButton = el('button', {
    type: 'button',
    class: 'kn-confirm',
    text: t('knowledge.confirm'),
    onclick: async () => {
      await api('POST', `/api/staff/knowledge/review/${item.id}/add-ask`, { cardId: picker.value });
      flash(t('knowledge.askAdded', { id: picker.value }));
      await loadKnowledgeReview();
    },
  });
  row.append(el('div', { class: 'kn-pick' }, [picker, confirmButton]));
}

function itemRow(item) {
  const row = el('li', { class: 'kn-item', 'data-item': item.id }, [
    el('span', { class: 'reason', text: t(`knowledge.reason.${item.reason}`) }),
    el('span', { class: 'topic', text: item.topic }),
    el('q', { text: item.question }),
  ]);
  row.append(
    el('button', {
      type: 'button',
      class: 'kn-add-ask',
      text: t('knowledge.addAsk'),
      onclick: (event) => {
        event.target.disabled = true;
        askPicker(item, row);
      },
    }),
    el('button', {
      type: 'button',
      class: 'kn-new-card',
      text: t('knowledge.startCard'),
      onclick: async () => {
        const draft = await api('GET', `/api/staff/knowledge/review/${item.id}/draft`);
        openEditor(null, draft.markdown, draft.reviewItemId);
      },
    }),
    el('button', {
      type: 'button',
      class: 'kn-dismiss',
      text: t('knowledge.dismiss'),
      onclick: async () => {
        await api('POST', `/api/staff/knowledge/review/${item.id}/dismiss`);
        await loadKnowledgeReview();
      },
    }),
  );
  return row;
}

export async function loadKnowledgeReview() {
  const [queue, cards] = await Promise.all([
    api('GET', '/api/staff/knowledge/review'),
    api('GET', '/api/staff/knowledge/cards'),
  ]);
  cardIds = cards.cards.map((card) => card.id);
  $('kn-review-size').textContent = t('knowledge.queueSize', { size: queue.size });
  const topics = clear($('kn-topics'));
  for (const topic of queue.topics) topics.append(el('li', { text: `${topic.topic} · ${topic.open}` }));
  const list = clear($('kn-review'));
  for (const item of queue.items) list.append(itemRow(item));
}

export function initKnowledgeReview(editCard) {
  openEditor = editCard;
}
