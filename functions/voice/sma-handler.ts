// PLACEHOLDER from voice-cdk: the lead replaces this file at merge
/** Answers every SIP media application event with no actions; only the CDK bundling and synth tests load it. */
export const handler = async (): Promise<{ SchemaVersion: '1.0'; Actions: unknown[] }> => ({ SchemaVersion: '1.0', Actions: [] });
