import { LoginBodySchema } from "@rolemap/contract";
import { useState } from "react";
import { Navigate, useSearchParams } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { accountOf, useAuthState, useSession, useSignIn } from "../../auth/hooks";
import { SETUP_ROUTE, safeNext } from "../../auth/paths";
import { Field } from "../../components/Field";
import { AuthForm, SubmitRow } from "./AuthForm";
import { AuthLayout } from "./AuthLayout";
import styles from "./AuthPage.module.css";
import { type FieldErrors, fieldErrors, hasErrors } from "./form-errors";

type SignInField = "email" | "password";

export function signInFailure(error: unknown): string {
  if (error instanceof ApiError && error.code === "invalid_credentials")
    return "The email or the password is wrong.";
  if (error instanceof ApiError && error.code === "rate_limited")
    return "Too many attempts. Wait a few minutes, then try again.";
  return describeError(error);
}

/** `/sign-in?next=…`: email and password, then back to where the person was going. */
export function SignInPage() {
  const state = useAuthState();
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const signIn = useSignIn();
  const [values, setValues] = useState({ email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors<SignInField>>({});

  if (state.data?.setup === true) return <Navigate to={SETUP_ROUTE} replace />;
  if (accountOf(session.data) !== null) return <Navigate to={next} replace />;

  const change = (field: SignInField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const submit = () => {
    const found = fieldErrors(LoginBodySchema, values);
    setErrors(found);
    if (!hasErrors(found)) signIn.mutate(values);
  };

  return (
    <AuthLayout title="Sign in" testId="sign-in-page">
      <AuthForm onSubmit={submit}>
        <Field
          label="Email"
          type="email"
          autoComplete="username"
          value={values.email}
          onChange={(event) => change("email", event.target.value)}
          error={errors.email}
          testId="sign-in-email"
          autoFocus
        />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={(event) => change("password", event.target.value)}
          error={errors.password}
          testId="sign-in-password"
        />
        <SubmitRow
          failure={signIn.isError && signInFailure(signIn.error)}
          failureTestId="sign-in-error"
          isPending={signIn.isPending}
          label="Sign in"
          pendingLabel="Signing in…"
          testId="sign-in-submit"
        />
      </AuthForm>
      <p className={styles.intro}>
        No account yet? Ask the person who runs this Rolemap for an invite.
      </p>
    </AuthLayout>
  );
}
