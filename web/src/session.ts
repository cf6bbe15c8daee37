// The signed-in user: the JWT kept in localStorage, and what its payload says (role, region, township).
// Access tokens last 15 minutes; the refresh token beside it gets the next one (api.ts refreshes before expiry).
import { regionName } from './labels';

const KEY = 'platform.token';
const REFRESH_KEY = 'platform.refresh';

export interface Session {
  token: string;
  userName: string;
  displayName: string;
  role: string;
  region: string;
  township?: string;
  agency?: string;
  expiresAt: number;
}

function decodePayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

export function sessionFrom(token: string): Session | null {
  const p = decodePayload(token);
  if (!p || typeof p.role !== 'string' || typeof p.region !== 'string') return null;
  return {
    token,
    userName: String(p.sub ?? ''),
    displayName: String(p.name ?? p.sub ?? ''),
    role: p.role,
    region: p.region,
    township: typeof p.township === 'string' ? p.township : undefined,
    agency: typeof p.agency === 'string' ? p.agency : undefined,
    expiresAt: typeof p.exp === 'number' ? p.exp * 1000 : Date.now() + 3600_000,
  };
}

/** The session, also when its access token has expired but a refresh token can renew it. */
export function currentSession(): Session | null {
  const token = localStorage.getItem(KEY);
  if (!token) return null;
  const session = sessionFrom(token);
  if (!session || (session.expiresAt <= Date.now() && !refreshToken())) {
    signOut();
    return null;
  }
  return session;
}

export const refreshToken = () => localStorage.getItem(REFRESH_KEY);

export function saveToken(token: string, refresh?: string | null): Session | null {
  const session = sessionFrom(token);
  if (session) {
    localStorage.setItem(KEY, token);
    if (refresh) localStorage.setItem(REFRESH_KEY, refresh);
    else localStorage.removeItem(REFRESH_KEY);
  }
  return session;
}

export function signOut() {
  localStorage.removeItem(KEY);
  localStorage.removeItem(REFRESH_KEY);
}

/** 城区 / 阳城县 …, with the township for township users; the city user is 晋城市. */
export function whereLabel(s: Session): string {
  const region = s.region === '140500' ? '晋城市' : regionName(s.region);
  return s.township ? `${region} · ${s.township}` : region;
}

export const isCity = (s: Session) => s.region === '140500';
