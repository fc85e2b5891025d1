import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, clientSecretFor, createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, loginBearer } from '../staff/staff-fixtures.js';
import { WEBM } from './audio-samples.js';
import { postVoice } from './voice-multipart.js';

const webm = { bytes: WEBM, type: 'audio/webm' };

describe('voice the bot could not hear, for union staff', () => {
  let t: TestApp;
  let agent: Record<string, string>;
  let outsider: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_OFFICE: 'region-310115', STAFF_LOGIN_PER_MINUTE: '1000' });
    const offices = await createOffices(t.app);
    await createStaff(t.app, 'voice.agent', 'agent', offices.a);
    await createStaff(t.app, 'voice.outsider', 'admin', offices.b);
    agent = await loginBearer(t.app, 'voice.agent');
    outsider = await loginBearer(t.app, 'voice.outsider');
  });
  afterAll(() => t.close());

  const sendVoice = (conversationId: string) =>
    postVoice(
      t.app,
      '/api/chat/voice',
      { conversationId, clientSecret: clientSecretFor(t.app, conversationId) ?? '' },
      webm,
    );

  it('joins an open intake as evidence, and the intake keeps asking', async () => {
    const first = await chat(t.app, {
      channelUserId: 'voice-intake-1',
      text: '老板拖欠我三个月工资，我要投诉',
    });
    const before = await t.app.prisma.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
    expect(JSON.parse(before.state).flow?.name).toBe('intake');
    const response = await sendVoice(first.conversationId);
    expect(response.statusCode).toBe(200);
    expect(response.json().replies[0].text).toContain('已经作为材料附在你的登记里');
    const after = await t.app.prisma.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
    const flow = JSON.parse(after.state).flow;
    expect(flow.name).toBe('intake');
    // Counted like a photo: the ticket claims the conversation's kept attachments when it is filed.
    expect(flow.data.attachments).toBe(1);
    expect(
      await t.app.prisma.attachment.count({ where: { conversationId: first.conversationId, kind: 'audio' } }),
    ).toBe(1);
  });

  it('is left for the person on a handoff, who can play it; another office cannot', async () => {
    const first = await chat(t.app, { channelUserId: 'voice-handoff-1', text: '转人工' });
    const waiting = await sendVoice(first.conversationId);
    expect(waiting.json().replies[0].text).toContain('留给接待你的工作人员');

    const queue = (await t.app.inject({ method: 'GET', url: '/api/staff/handoffs', headers: agent })).json()
      .handoffs;
    const handoff = queue.find((h: { conversationId: string }) => h.conversationId === first.conversationId);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/staff/handoffs/${handoff.id}`, headers: agent })
    ).json();
    const voices = detail.messages.filter((m: { voice?: unknown }) => m.voice);
    expect(voices).toHaveLength(1);
    const { attachmentId, mimeType } = voices[0].voice;
    expect(mimeType).toBe('audio/webm');

    const url = `/api/staff/handoffs/${handoff.id}/voice/${attachmentId}`;
    const played = await t.app.inject({ method: 'GET', url, headers: agent });
    expect(played.statusCode).toBe(200);
    expect(played.headers['content-type']).toBe('audio/webm');
    expect(played.rawPayload.equals(WEBM)).toBe(true);
    const audit = await t.app.prisma.auditLog.findFirst({
      where: { action: 'play-voice', subjectId: attachmentId },
    });
    expect(audit).not.toBeNull();
    expect((await t.app.inject({ method: 'GET', url, headers: outsider })).statusCode).toBe(404);
    const wrong = `/api/staff/handoffs/${handoff.id}/voice/not-an-attachment`;
    expect((await t.app.inject({ method: 'GET', url: wrong, headers: agent })).statusCode).toBe(404);

    // Claimed: the bot stays silent and the person gets the next recording in the transcript.
    const claim = await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${handoff.id}/claim`,
      headers: agent,
    });
    expect(claim.statusCode).toBe(200);
    const whileHuman = await sendVoice(first.conversationId);
    expect(whileHuman.json().replies.filter((r: { type: string }) => r.type !== 'staff')).toEqual([]);
    const again = (
      await t.app.inject({ method: 'GET', url: `/api/staff/handoffs/${handoff.id}`, headers: agent })
    ).json();
    expect(again.messages.filter((m: { voice?: unknown }) => m.voice)).toHaveLength(2);
  });
});
