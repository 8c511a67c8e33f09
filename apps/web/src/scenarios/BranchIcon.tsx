/** A branch (a scenario branches off its primary): drawn, so no font needs the glyph. */
export function BranchIcon({ size = 16 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="4" cy="3" r="1.7" />
      <circle cx="4" cy="13" r="1.7" />
      <circle cx="12" cy="4.5" r="1.7" />
      <path d="M4 4.7v6.6M12 6.2c0 3.3-8 2.3-8 5" />
    </svg>
  );
}
