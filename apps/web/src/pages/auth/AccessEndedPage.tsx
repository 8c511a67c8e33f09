import { Link } from "react-router";
import { clearGuestMark } from "../../auth/guest-marker";
import { SIGN_IN_ROUTE } from "../../auth/paths";
import { AuthLayout } from "./AuthLayout";

/** Where a share-link guest lands once the link is revoked or has expired. */
export function AccessEndedPage() {
  return (
    <AuthLayout title="You no longer have access" testId="access-ended">
      <p>
        The share link you opened this chart with has been revoked or has expired, so the chart is
        closed to you. Ask its owner for a new link.
      </p>
      <p>
        <Link to={SIGN_IN_ROUTE} onClick={clearGuestMark}>
          Sign in
        </Link>{" "}
        if you have an account.
      </p>
    </AuthLayout>
  );
}
