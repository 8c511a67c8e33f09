import { GuestBodySchema } from "@rolemap/contract";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { accountOf, useJoinAsGuest, useSession } from "../../auth/hooks";
import { SIGN_IN_ROUTE } from "../../auth/paths";
import { Field } from "../../components/Field";
import { AuthForm, SubmitRow } from "./AuthForm";
import { AuthLayout } from "./AuthLayout";
import styles from "./AuthPage.module.css";
import { fieldErrors } from "./form-errors";

/**
 * `/s/:token`, a share link: asks for a display name, then opens the link's chart as a
 * guest with exactly the link's access.
 */
export function GuestPage() {
  const { token = "" } = useParams();
  const session = useSession();
  const join = useJoinAsGuest();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | undefined>();
  const account = accountOf(session.data);

  if (join.error instanceof ApiError && join.error.isNotFound)
    return (
      <AuthLayout title="This link does not open anything" testId="share-link-invalid">
        <p>
          The link is unknown, has expired or has been revoked by the chart’s owner. Ask them for a
          new one.
        </p>
        <p>
          <Link to={SIGN_IN_ROUTE}>Sign in</Link> if you have an account.
        </p>
      </AuthLayout>
    );

  const submit = () => {
    const error = fieldErrors(GuestBodySchema, { token, name }).name;
    setNameError(error);
    if (error === undefined)
      join.mutate(
        { token, name: name.trim() },
        { onSuccess: ({ guest }) => navigate(`/charts/${guest.chart}`, { replace: true }) },
      );
  };

  return (
    <AuthLayout
      title="Open a shared chart"
      intro="Someone shared a Rolemap chart with you. Tell the others who you are: your name is shown to the people working on the chart."
      testId="guest-page"
    >
      <AuthForm onSubmit={submit}>
        <Field
          label="Your name"
          autoComplete="name"
          maxLength={80}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setNameError(undefined);
          }}
          error={nameError}
          testId="guest-name"
          autoFocus
        />
        {account !== null && (
          <p className={styles.warning} data-testid="guest-signs-out">
            You are signed in as {account.name}. Continuing as a guest signs you out of your account
            in this browser.
          </p>
        )}
        <SubmitRow
          failure={join.isError && `The chart could not be opened: ${describeError(join.error)}`}
          isPending={join.isPending}
          label="Open the chart"
          pendingLabel="Opening…"
          testId="guest-continue"
        />
      </AuthForm>
    </AuthLayout>
  );
}
