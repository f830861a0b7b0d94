import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours when stdout is a terminal that shows them (picocolors also honours NO_COLOR and FORCE_COLOR). */
export const TERMINAL_COLORS: Colors = pc;
export const NO_COLORS: Colors = pc.createColors(false);
