// What a reply looks like in the web chat: an answer's lead with the rest folded, citations
// named once with the article a tap away, station and ticket cards. Kept apart from chat.js (the
// transport and the page) so each stays small.

export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/**
 * The renderers, given the page's translator, its current language (it can change) and how to
 * send a text as the worker (the 有用 / 没用 buttons on an answer).
 */
export function replyView(t, currentLang, sendText = () => {}) {
  // 有用 / 没用 sit on the answer they judge; one tap, then they say thanks by going quiet.
  function feedbackButtons(reply) {
    const options = (reply.quickReplies || []).filter((option) => option.feedback);
    if (!options.length) return null;
    const row = el('div', { class: 'feedback' });
    for (const option of options) {
      const button = el('button', {
        type: 'button',
        class: `feedback-${option.feedback}`,
        text: option.label,
      });
      button.addEventListener('click', () => {
        for (const other of row.querySelectorAll('button')) other.disabled = true;
        sendText(option.text);
      });
      row.append(button);
    }
    return row;
  }

  function formatDistance(metres) {
    return metres < 1000
      ? t('distance.m', { value: Math.round(metres) })
      : t('distance.km', { value: (metres / 1000).toFixed(1) });
  }

  // Each article once, in words (《劳动法》第四十四条); its text, when the server has it, a tap away.
  function citationList(citations, heading = true) {
    if (!citations?.length) return null;
    const items = citations.map((c) => {
      const name = `《${c.law}》${c.title || t('article', { article: c.article })}`;
      if (!c.snippet) return el('li', {}, [el('b', { text: name })]);
      return el('li', {}, [
        el('details', { class: 'article' }, [
          el('summary', {}, [el('b', { text: name })]),
          el('p', { text: c.snippet }),
        ]),
      ]);
    });
    return el('div', { class: 'cites' }, [
      heading ? el('div', { text: t('citations') }) : null,
      el('ul', {}, items),
    ]);
  }

  // A written answer (the LLM's) names its articles inline already: the list, with their texts,
  // stays folded so no article shows twice until the worker asks for it.
  function foldedCitations(citations) {
    const list = citationList(citations, false);
    return list && el('details', { class: 'more' }, [el('summary', { text: t('citations') }), list]);
  }

  // An answer reads on a phone held in one hand: the lead shows, the rest is one tap away.
  function answerBody(reply) {
    const { lead, more, steps } = reply.answer;
    return [
      el('span', { class: 'text', text: lead }),
      el('details', { class: 'more' }, [
        el('summary', { text: t('answerMore') }),
        more ? el('p', { text: more }) : null,
        steps?.length
          ? el(
              'ol',
              {},
              steps.map((step) => el('li', { text: step })),
            )
          : null,
        citationList(reply.citations),
      ]),
      feedbackButtons(reply),
    ];
  }

  function stationCard(s) {
    const links = s.mapLinks || {};
    const nav = el(
      'div',
      { class: 'nav' },
      [
        ['amap', links.amap],
        ['tencent', links.tencent],
        ['baidu', links.baidu],
      ]
        .filter(([, href]) => href)
        .map(([name, href]) =>
          el('a', { href, target: '_blank', rel: 'noopener', text: `${t('navigate')} · ${t(name)}` }),
        ),
    );
    return el('div', { class: 'card' }, [
      el('h3', { text: s.name }),
      el('div', { class: 'meta' }, [
        el('span', { class: s.openNow ? 'open' : 'closed', text: s.openNow ? t('openNow') : t('closedNow') }),
        // From a typed place the distance is from its centre, not from the worker: not shown.
        `${s.distanceFrom === 'place' ? '' : ` · ${formatDistance(s.distanceM)}`} · ${s.hoursToday || ''}`,
      ]),
      el('div', { class: 'meta', text: s.address }),
      el(
        'div',
        { class: 'tags' },
        (s.amenities || []).map((a) => el('span', { text: s.amenityLabels?.[a] || a })),
      ),
      nav,
    ]);
  }

  function ticketCard(ticket) {
    // The server sends the words; a receipt without them (the intake's) is named from the page's
    // strings, which are the same words (tickets:status). Said first and large: it is the news.
    const state = ticket.statusLabel || t(`ticketStatus.${ticket.status}`);
    const rows = [
      ['number', ticket.number],
      ['queryCode', ticket.queryCode],
      ['office', ticket.office?.name],
      ['dueAt', ticket.dueAt ? new Date(ticket.dueAt).toLocaleString(currentLang()) : ''],
      // The one-year arbitration limit in the server's words (劳动争议调解仲裁法 第二十七条).
      ['limit', ticket.arbitrationLimit?.text],
    ].filter(([, value]) => value);
    return el('div', { class: 'card ticket' }, [
      el('div', { class: 'state', text: t('ticket.statusLine', { status: state }) }),
      el(
        'dl',
        {},
        rows.flatMap(([key, value]) => [el('dt', { text: t(`ticket.${key}`) }), el('dd', { text: value })]),
      ),
    ]);
  }

  return { answerBody, citationList, foldedCitations, stationCard, ticketCard };
}
