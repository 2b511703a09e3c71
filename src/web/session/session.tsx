import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client.ts';

/** GET /api/v1/me as the identity module answers it (own data unmasked). */
export interface Me {
  authenticated: true;
  id: string;
  kind: 'person' | 'enterprise' | 'staff';
  login: string;
  name: string;
  idCard: string | null;
  idCardMasked?: string | null;
  phone: string | null;
  phoneMasked?: string | null;
  agencyId: string | null;
  roles: { role: string; agencyId: string }[];
  actingFor: { id: string; uscc: string; name: string; authorizationId: string | null } | null;
  enterprises: { id: string; uscc: string; name: string; asLegalRepresentative: boolean }[];
}
type MeAnswer = Me | { authenticated: false };

export const STAFF_ROLES = ['window_clerk', 'reviewer', 'approver', 'dept_admin', 'center_admin', 'supervisor'];

interface SessionState {
  me: Me | null;
  loading: boolean;
  /** Re-reads /me (after login, logout or switching enterprise). */
  refresh: () => Promise<Me | null>;
  devLogin: (login: string, enterpriseUscc?: string) => Promise<Me | null>;
  logout: () => Promise<void>;
  hasRole: (...roles: string[]) => boolean;
}
const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      const answer = await api.get<MeAnswer>('/me');
      const next = answer.authenticated ? answer : null;
      setMe(next);
      return next;
    } catch {
      // An expired session answers 401: treat as logged out rather than as a broken page.
      setMe(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const devLogin = useCallback(
    async (login: string, enterpriseUscc?: string) => {
      await api.post('/auth/dev-login', enterpriseUscc ? { login, enterpriseUscc } : { login });
      return refresh();
    },
    [refresh],
  );
  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      setMe(null);
    }
  }, []);
  const hasRole = useCallback((...roles: string[]) => !!me?.roles.some((r) => roles.includes(r.role)), [me]);
  const value = useMemo(() => ({ me, loading, refresh, devLogin, logout, hasRole }), [me, loading, refresh, devLogin, logout, hasRole]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** Where the OIDC login starts; the server redirects back to returnTo after the unified identity login. */
export function oidcLoginUrl(returnTo: string): string {
  return `/api/v1/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}
