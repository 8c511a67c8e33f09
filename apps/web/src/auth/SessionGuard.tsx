import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { authKeys } from "../api/query-keys";
import { ErrorState } from "../components/ErrorState";
import { NotFoundPage } from "../pages/NotFoundPage";
import { accountOf, guestOf, type Session, useSession } from "./hooks";
import { isOpenPath, signedOutPath } from "./paths";
import { onUnauthenticated } from "./session-events";

/**
 * Sends a person whose request answered 401 (signed out elsewhere, session expired, share
 * link revoked) to sign in, and back to this page afterwards; a revoked guest to "access
 * ended". Mounted once, inside the router.
 */
export function SessionGuard() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const here = useRef(location);
  here.current = location;

  useEffect(
    () =>
      onUnauthenticated(() => {
        if (isOpenPath(here.current.pathname)) return;
        queryClient.setQueryData<Session>(authKeys.me(), null);
        navigate(signedOutPath(here.current), { replace: true });
      }),
    [navigate, queryClient],
  );
  return null;
}

/**
 * A page for accounts: signed-out visitors go to sign in (and come back), a share-link guest
 * goes to their chart; `admin` pages are not found for other accounts.
 */
export function RequireAccount({
  children,
  fallback,
  admin = false,
}: {
  children: ReactNode;
  fallback: ReactNode;
  admin?: boolean;
}) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return fallback;
  if (session.isError)
    return (
      <main className="page-message">
        <ErrorState
          title="Rolemap could not be reached."
          error={session.error}
          onRetry={() => void session.refetch()}
        />
      </main>
    );
  const guest = guestOf(session.data);
  if (guest !== null) return <Navigate to={`/charts/${guest.chart}`} replace />;
  const account = accountOf(session.data);
  if (account === null) return <Navigate to={signedOutPath(location)} replace />;
  if (admin && !account.admin) return <NotFoundPage />;
  return children;
}
