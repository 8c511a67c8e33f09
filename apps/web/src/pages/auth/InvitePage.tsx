import { useNavigate, useParams } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { useSignUp } from "../../auth/hooks";
import { AccountForm } from "./AccountForm";
import { AuthLayout } from "./AuthLayout";

/** `/invite/:token`: someone invited by the administrator creates their account. */
export function InvitePage() {
  const { token = "" } = useParams();
  const signUp = useSignUp();
  const navigate = useNavigate();
  const isRefused = signUp.error instanceof ApiError && signUp.error.code === "forbidden";

  return (
    <AuthLayout
      title="Create your account"
      intro="You have been invited to Rolemap. Use the email address the invitation was sent to."
      testId="invite-page"
    >
      <AccountForm
        testId="invite"
        submitLabel="Create account"
        isPending={signUp.isPending}
        error={signUp.error}
        onSubmit={(values) =>
          signUp.mutate({ ...values, invite: token }, { onSuccess: () => navigate("/") })
        }
        failure={
          signUp.isError &&
          (isRefused
            ? "This invitation cannot be used: it has expired or been withdrawn, or it was made for another email address."
            : `The account could not be created: ${describeError(signUp.error)}`)
        }
      />
    </AuthLayout>
  );
}
