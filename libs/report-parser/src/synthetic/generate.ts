export const SYNTHETIC_LAYOUTS = ['tab-tables'] as const;
export type SyntheticLayout = (typeof SYNTHETIC_LAYOUTS)[number];
export interface SyntheticReport { text: string }
export function generateSyntheticReport(seed: number): SyntheticReport { return { text: String(seed) }; }
