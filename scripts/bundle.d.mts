/** Types of scripts/bundle.mjs, for the bench (TypeScript) that bundles its cold start with it. */
export const ROOT: string;
export const START_ENTRIES: Record<string, string>;
export function bundle(entries: Record<string, string>, outdir: string): Promise<void>;
export function currentBuild(): string | null;
export function bundleStart(): Promise<string>;
