export const QUIET_CHROMIUM_FLAGS: string[];
export function hasDisplay(platform: string, env: Record<string, string | undefined>): boolean;
export type StartPlan =
  | { kind: 'manual'; reason: string }
  | { kind: 'browser'; name: string; command: string; args: string[] };
export function planStart(facts: {
  platform: string; env: Record<string, string | undefined>; uid: number | undefined; firefox: boolean;
  executable: string | undefined; dist: string; demoUrl: string; profile: string; webExt: string;
}): StartPlan;
export function manualInstructions(facts: { reason: string; firefox: boolean; dist: string; demoUrl: string }): string;
export function describeBrowserExit(exit: { name: string; code: number | null; signal: string | null; stderr: string }): string;
