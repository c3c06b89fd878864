/** Injected by the bundler (scripts/build.mjs) and by vitest's `define`. */
declare const __SECPOL_VERSION__: string;
/** The commit a release build was made from (a clean tree at tag v<version>); '' otherwise. Injected by scripts/build.mjs. */
declare const __SECPOL_RELEASE_COMMIT__: string | undefined;
