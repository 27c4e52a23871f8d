/**
 * Stands in for `supports-color` in the Lambda bundles. `debug` (under file-type's inflater) tries to
 * require it for coloured terminal output and carries on without it; Lambda logs are no terminal, and
 * `npm install --omit=dev` does not install it, so the bundle must not take whatever a dev tree holds.
 */
export default { stdout: false, stderr: false };
