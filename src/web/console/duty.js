// 值班: the staff member's own on-duty switch. On duty, the office's new chats come to them in
// turn (up to the capacity an admin set); off duty, they only take chats by hand.
import { api } from './api.js';
import { $, flash, t } from './dom.js';

let onDuty = false;
let bound = false;

function render() {
  const button = $('duty');
  button.textContent = t(onDuty ? 'duty.on' : 'duty.off');
  button.classList.toggle('on', onDuty);
  button.title = t(onDuty ? 'duty.turnOff' : 'duty.turnOn');
}

export async function initDuty() {
  if (!bound) bind();
  try {
    onDuty = (await api('GET', '/api/staff/duty')).onDuty;
  } catch {
    onDuty = false;
  }
  render();
}

function bind() {
  bound = true;
  $('duty').addEventListener('click', async () => {
    try {
      onDuty = (await api('PUT', '/api/staff/duty', { onDuty: !onDuty })).onDuty;
      render();
    } catch (err) {
      flash(t('error', { message: err.message }), true);
    }
  });
}
