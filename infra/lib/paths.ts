import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root: NodejsFunction's project root, so esbuild resolves every workspace. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Lambda entries in `functions/catalog.ts` are relative to this folder. */
export const FUNCTIONS_DIR = path.join(REPO_ROOT, 'functions');

/** Where `npm run build:web` writes the SPA. */
export const DEFAULT_WEB_DIST_DIR = path.join(REPO_ROOT, 'web', 'dist');

/** The one lock file of the npm workspaces; NodejsFunction needs it to find the project root. */
export const LOCK_FILE = path.join(REPO_ROOT, 'package-lock.json');

/** The prompts shipped with the product (`hold-music.wav`, made by `scripts/generate-hold-music.mjs`). */
export const VOICE_PROMPTS_DIR = path.join(REPO_ROOT, 'infra', 'assets', 'voice-prompts');
