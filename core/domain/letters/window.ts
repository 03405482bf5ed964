// The window of a 窓あき envelope, in millimetres from the sheet's top-left corner.
export type EnvelopeWindowMm = { left: number; top: number; width: number; height: number };

// A 長形3号 窓あき envelope for an A4 sheet folded in three (DOMAIN.md §6).
export const defaultWindow: EnvelopeWindowMm = { left: 23, top: 13, width: 90, height: 45 };
