/** A small padlock drawn in SVG (an emoji needs a font the machine may lack). */
export function LockIcon({ className, size = 12 }: { className?: string; size?: number }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 12 12"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M3.5 5V3.5a2.5 2.5 0 0 1 5 0V5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      />
      <rect x="2" y="5" width="8" height="6.2" rx="1.2" fill="currentColor" />
    </svg>
  );
}
