import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

/** The renderer's Content-Security-Policy: only the app's own files, no remote code, no inline scripts. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self' ws: wss:; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** A hardened window: isolated, sandboxed, no Node in the page, only the preload's bridge. */
export function windowOptions(preload: string, bounds?: Partial<Rectangle>): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? 1440,
    height: bounds?.height ?? 900,
    ...(bounds?.x !== undefined && bounds?.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'MLSD Studio',
    backgroundColor: '#f8fafc',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** Whether a navigation stays inside the app (its own files); everything else is refused. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    return target.protocol === app.protocol && target.host === app.host && target.pathname === app.pathname;
  } catch {
    return false;
  }
}

/** Whether a link may be handed to the system browser. */
export function isExternalLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Window bounds worth restoring: on some screen and not absurdly small. */
export function restorableBounds(saved: unknown, screens: readonly Rectangle[]): Partial<Rectangle> | undefined {
  const b = saved as Partial<Rectangle> | null;
  if (!b || typeof b.width !== 'number' || typeof b.height !== 'number' || b.width < 600 || b.height < 400) return undefined;
  if (typeof b.x !== 'number' || typeof b.y !== 'number') return { width: b.width, height: b.height };
  const visible = screens.some((s) => b.x! < s.x + s.width - 100 && b.x! + b.width! > s.x + 100 && b.y! >= s.y - 20 && b.y! < s.y + s.height - 100);
  return visible ? b : { width: b.width, height: b.height };
}

/** The only permissions the app's page may have: reading and writing the clipboard, for copy and paste of nodes. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-read', 'clipboard-sanitized-write']);

/** Whether a permission request is granted: only the clipboard, and only to the app's own page; camera, location, notifications and the rest are refused. */
export function permissionAllowed(permission: string, requestingUrl: string, appUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, appUrl);
}
