import { useEffect, useState } from "react";

/**
 * An object URL for `text` as a file of `type` (an SVG for an <img>), replaced when the
 * text changes and revoked when it does or the component goes, so nothing leaks.
 */
export function useObjectUrl(text: string | null, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (text === null) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(new Blob([text], { type }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [text, type]);
  return url;
}
