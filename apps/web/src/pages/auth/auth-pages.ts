/** The pages for people without a session: one chunk, loaded only when one is shown. */
export { AccessEndedPage } from "./AccessEndedPage";
export { GuestPage } from "./GuestPage";
export { InvitePage } from "./InvitePage";
export { SetupPage } from "./SetupPage";
export { SignInPage } from "./SignInPage";
