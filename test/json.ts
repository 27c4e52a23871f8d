/** A response body in a test, where the assertions check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Reads a response's JSON body for assertions. */
export const json = async (res: Response): Promise<Json> => res.json();
