/** Injected by the bundler (scripts/build.mjs) and by vitest's `define`. */
declare const __SECPOL_VERSION__: string;
