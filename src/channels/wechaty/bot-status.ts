/** What the staff console shows an admin about the personal-account bot. */
export interface WechatyStatus {
  /** off: not configured or stopped · starting · scan: waiting for the QR code to be scanned ·
   *  logged-in · logged-out · reconnecting: start failed, retrying with backoff ·
   *  standby: another process on the database runs the bot; this one takes over if it stops. */
  state: 'off' | 'starting' | 'scan' | 'logged-in' | 'logged-out' | 'reconnecting' | 'standby';
  configured: boolean;
  puppet?: string;
  /** The login QR code's content (render it as a QR code) while state is "scan". */
  qrcode?: string;
  /** The same QR code as a PNG data: URL, ready for an <img>. */
  qrcodeDataUrl?: string;
  /** The bot account's WeChat name once logged in. */
  user?: string;
  since: string;
  lastError?: string;
  restarts: number;
}

export function offStatus(configured: boolean, puppet?: string): WechatyStatus {
  return {
    state: 'off',
    configured,
    ...(puppet ? { puppet } : {}),
    since: new Date().toISOString(),
    restarts: 0,
  };
}
