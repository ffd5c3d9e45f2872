/** Build-time constants replaced by Vite's `define` (vite.config.ts). */

/** True only in the E2E builds (`E2E=1`: dist-e2e/, dist-firefox-e2e/); production builds drop code behind it. */
declare const __LECTERN_E2E__: boolean;
