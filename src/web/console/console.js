// Gongyou staff console. Plain JS modules, no framework, no CDN: an office PC on a slow line
// loads it in one round of small files.
import { api, setCsrf, whenSignedOut } from './api.js';
import { initChats, onLiveFrame } from './chats.js';
import { initDashboard, loadDashboard, pollRisks } from './dashboard.js';
import { initDocuments, loadDocuments, prefillOpinion } from './documents.js';
import { $, t } from './dom.js';
import { initDuty } from './duty.js';
import { initHelpdeskAdmin, loadHelpdeskAdmin } from './helpdesk-admin.js';
import { initKnowledge, loadKnowledge } from './knowledge.js';
import { connectLive, disconnectLive } from './live.js';
import { initMeasures, loadMeasures } from './measures.js';
import { initSearch } from './search.js';
import { pollSla } from './sla.js';
import { initTickets, loadTickets, openTicket } from './tickets.js';

let started = false;
const RISK_POLL_MS = 60_000;

function showLogin() {
  disconnectLive();
  $('app').hidden = true;
  $('login').hidden = false;
  $('login-form').username.focus();
}

function showTab(name, staff) {
  for (const button of document.querySelectorAll('#tabs button'))
    button.classList.toggle('active', button.dataset.tab === name);
  for (const section of document.querySelectorAll('.tab')) section.hidden = section.id !== `tab-${name}`;
  if (name === 'tickets') loadTickets();
  if (name === 'documents') loadDocuments();
  if (name === 'dashboard') loadDashboard(staff);
  if (name === 'measures') loadMeasures();
  if (name === 'helpdesk') loadHelpdeskAdmin();
  if (name === 'knowledge') loadKnowledge();
}

function openFromWarning(number) {
  for (const button of document.querySelectorAll('#tabs button'))
    if (button.dataset.tab === 'tickets') button.click();
  openTicket(number);
}

function start(staff) {
  $('login').hidden = true;
  $('app').hidden = false;
  $('me').textContent = `${staff.displayName} (${staff.role})`;
  if (!started) {
    started = true;
    initChats(staff);
    initTickets(staff, (ticket) => {
      showTab('documents', staff);
      prefillOpinion(ticket);
    });
    initDocuments(staff);
    initDashboard(staff);
    initMeasures(staff);
    initHelpdeskAdmin(staff);
    initKnowledge(staff);
    initSearch((tab) => showTab(tab, staff), openTicket);
    for (const button of document.querySelectorAll('#tabs button')) {
      button.addEventListener('click', () => showTab(button.dataset.tab, staff));
    }
    setInterval(() => !$('app').hidden && pollRisks(), RISK_POLL_MS);
    setInterval(() => !$('app').hidden && pollSla(openFromWarning), RISK_POLL_MS);
  }
  pollRisks();
  pollSla(openFromWarning);
  initDuty();
  connectLive(onLiveFrame);
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  $('login-error').textContent = '';
  try {
    const result = await api('POST', '/api/staff/login', {
      username: form.username.value,
      password: form.password.value,
    });
    form.password.value = '';
    setCsrf(result.csrfToken);
    start(result.staff);
  } catch (err) {
    $('login-error').textContent = t('login.failed', { message: err.message });
  }
});

$('logout').addEventListener('click', async () => {
  try {
    await api('POST', '/api/staff/logout');
  } finally {
    showLogin();
  }
});

whenSignedOut(showLogin);

// A reload keeps the session: the cookie is still there, /me gives the CSRF token back.
api('GET', '/api/staff/me')
  .then((me) => {
    setCsrf(me.csrfToken);
    start(me.staff);
  })
  .catch(showLogin);
