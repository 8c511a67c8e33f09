import { Link, Navigate, useNavigate } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { useAuthState, useSetUp } from "../../auth/hooks";
import { SIGN_IN_ROUTE } from "../../auth/paths";
import { ErrorState } from "../../components/ErrorState";
import { AccountForm } from "./AccountForm";
import { AuthLayout } from "./AuthLayout";

/** `/setup`: the first visit of a new instance creates its owner (the administrator). */
export function SetupPage() {
  const state = useAuthState();
  const setUp = useSetUp();
  const navigate = useNavigate();

  if (state.isError)
    return (
      <AuthLayout title="Set up Rolemap" testId="setup-page">
        <ErrorState
          title="Rolemap could not be reached."
          error={state.error}
          onRetry={() => void state.refetch()}
        />
      </AuthLayout>
    );
  // Already set up (and not by this page's own request): there is nothing to set up.
  if (state.data?.setup === false && !setUp.isSuccess)
    return <Navigate to={SIGN_IN_ROUTE} replace />;

  const isTaken = setUp.error instanceof ApiError && setUp.error.code === "already_set_up";
  return (
    <AuthLayout
      title="Set up Rolemap"
      intro="Welcome. Create the first account: it owns this Rolemap, invites the others and manages their accounts."
      testId="setup-page"
    >
      <AccountForm
        testId="setup"
        submitLabel="Create the owner account"
        isPending={setUp.isPending || state.isPending}
        error={setUp.error}
        onSubmit={(values) => setUp.mutate(values, { onSuccess: () => navigate("/") })}
        failure={
          setUp.isError &&
          (isTaken ? (
            <>
              This Rolemap already has its owner. <Link to={SIGN_IN_ROUTE}>Sign in</Link> instead.
            </>
          ) : (
            `The account could not be created: ${describeError(setUp.error)}`
          ))
        }
      />
    </AuthLayout>
  );
}
