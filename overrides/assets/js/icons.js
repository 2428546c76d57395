// The icon beside an item's status (a glyph only: every status is also said in words).
const STATUS_ICON = { held: "✓", partial: "◐", gap: "✗", check: "?", unknown: "…" };

export const statusIcon = (status) => STATUS_ICON[status] || "";
