// Text the taskpane shows in either language, kept bilingual in state so switching the language
// re-renders old messages too.

/** A message in both languages. */
export interface Said {
  vi: string;
  en: string;
}

/** A thrown value as a bilingual message (the adapters' errors carry both; others only English). */
export function said(e: unknown): Said {
  if (e && typeof e === "object" && "message_vi" in e && "message_en" in e) {
    const b = e as { message_vi: unknown; message_en: unknown };
    return { vi: String(b.message_vi), en: String(b.message_en) };
  }
  const text = e instanceof Error ? e.message : String(e);
  return { vi: text, en: text };
}

/** A bilingual error's message in one language. */
export const messageOf = (e: unknown, lang: "vi" | "en"): string => said(e)[lang];
