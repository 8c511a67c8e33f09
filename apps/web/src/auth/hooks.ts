import type {
  Account,
  AccountResponse,
  Guest,
  LoginBody,
  MeResponse,
  SetupBody,
  SignupBody,
} from "@rolemap/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApiClient } from "../api/api-context";
import { type ApiClient, ApiError } from "../api/client";
import { adminKeys, authKeys, chartKeys } from "../api/query-keys";
// The registry alone: the editor barrel would put the whole editor (and the engine) in
// the start-up code of every page.
import { useEditorRegistry } from "../editor/editor-registry";
import { clearGuestMark, markGuest } from "./guest-marker";

/** Who this browser is: `{account}`, `{guest}`, or null when signed out. */
export type Session = MeResponse | null;

/** The session, asked for once per visit and kept current by signing in and out. */
export function useSession() {
  const api = useApiClient();
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: async ({ signal }): Promise<Session> => {
      try {
        return await api.getMe(signal);
      } catch (error) {
        if (error instanceof ApiError && error.isUnauthenticated) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export const accountOf = (session: Session | undefined): Account | null =>
  session != null && "account" in session ? session.account : null;
export const guestOf = (session: Session | undefined): Guest | null =>
  session != null && "guest" in session ? session.guest : null;

/** Whether the instance waits for its first account (the setup screen). */
export function useAuthState() {
  const api = useApiClient();
  return useQuery({
    queryKey: authKeys.state(),
    queryFn: ({ signal }) => api.getAuthState(signal),
    staleTime: 0,
  });
}

/**
 * Starts a new session in the caches: what was loaded for the previous person (charts,
 * their rights, the editors with their undo history) is forgotten.
 */
function useStartSession() {
  const queryClient = useQueryClient();
  const registry = useEditorRegistry();
  return (session: Session) => {
    registry.clear();
    queryClient.removeQueries({ queryKey: chartKeys.all });
    queryClient.removeQueries({ queryKey: adminKeys.all });
    queryClient.setQueryData<Session>(authKeys.me(), session);
    if (session !== null) queryClient.setQueryData(authKeys.state(), { setup: false });
  };
}

/** A request that signs an account in (sign in, setup, sign up): its session replaces any other. */
function useAccountSession<T>(signIn: (api: ApiClient, body: T) => Promise<AccountResponse>) {
  const api = useApiClient();
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (body: T) => signIn(api, body),
    onSuccess: (session: AccountResponse) => {
      clearGuestMark();
      startSession(session);
    },
  });
}

export const useSignIn = () => useAccountSession((api, body: LoginBody) => api.logIn(body));
export const useSetUp = () => useAccountSession((api, body: SetupBody) => api.setUp(body));
export const useSignUp = () => useAccountSession((api, body: SignupBody) => api.signUp(body));

/** Opens a share link as a guest (this replaces an account's session in this browser). */
export function useJoinAsGuest() {
  const api = useApiClient();
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (body: { token: string; name: string }) => api.joinAsGuest(body),
    onSuccess: (session) => {
      markGuest(session.guest.chart);
      startSession(session);
    },
  });
}

export function useSignOut() {
  const api = useApiClient();
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.logOut();
      } catch (error) {
        // Already signed out (the session expired, the link was revoked): that is the goal.
        if (!(error instanceof ApiError && error.isUnauthenticated)) throw error;
      }
    },
    onSuccess: () => {
      clearGuestMark();
      startSession(null);
    },
  });
}
