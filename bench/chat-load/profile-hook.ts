// Loaded into the profiled server with `--import`: the CPU profiler runs only between a
// 'profile:start' and a 'profile:stop' message on the IPC channel, so start-up, the warm-up and
// the one-time tables built after listening stay out of the profile (bench/chat-load/profile-server.ts).
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

const session = new Session();
session.connect();

process.on('message', async (message: unknown) => {
  if (message === 'profile:start') {
    await session.post('Profiler.enable');
    // 200 µs between samples: fine enough for sub-millisecond turns, cheap enough not to skew them.
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    process.send?.('profile:started');
  } else if (message === 'profile:stop') {
    const { profile } = await session.post('Profiler.stop');
    const file = process.env.PROFILE_HOOK_FILE ?? 'server.cpuprofile';
    fs.writeFileSync(file, JSON.stringify(profile));
    process.send?.('profile:stopped');
  }
});
// The channel must not keep a server alive that was told to stop.
process.channel?.unref();
