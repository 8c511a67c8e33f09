import { initialsOf } from "./people";
import styles from "./WorkshopControls.module.css";

/** A person's initials on their colour (mine on grey, with a ring): decoration, names are text. */
export function Avatar({
  name,
  colour,
  isMe = false,
}: {
  name: string;
  colour: string;
  isMe?: boolean;
}) {
  return (
    <span
      className={isMe ? `${styles.avatar} ${styles.me}` : styles.avatar}
      style={{ background: colour }}
      aria-hidden="true"
      data-testid="peer-avatar"
      data-peer={name}
      data-me={isMe || undefined}
    >
      {initialsOf(name)}
    </span>
  );
}
