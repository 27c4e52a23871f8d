// Zod-free value lists and rules of console users, so the console can check a form without zod.

/** Where a console user stands: `invited` until the first sign-in sets a password, `disabled` for good. */
export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** The password rules of every sign-in; the Cognito user pool is built from the same numbers (infra/lib/stacks/auth-stack.ts). */
export const PASSWORD_POLICY = { minLength: 12, maxLength: 256, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true } as const;

/** One rule a password breaks. */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'noLowercase' | 'noUppercase' | 'noDigit' | 'noSymbol';

/** The rules of {@link PASSWORD_POLICY} that `password` breaks; empty when it is acceptable. */
export function passwordProblems(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_POLICY.minLength) problems.push('tooShort');
  if ([...password].length > PASSWORD_POLICY.maxLength) problems.push('tooLong');
  if (!/\p{Ll}/u.test(password)) problems.push('noLowercase');
  if (!/\p{Lu}/u.test(password)) problems.push('noUppercase');
  if (!/\p{Nd}/u.test(password)) problems.push('noDigit');
  if (!/[^\p{L}\p{Nd}\s]/u.test(password)) problems.push('noSymbol');
  return problems;
}

/** Limits of the administration form, shared by the schema and the console's inputs. */
export const USER_LIMITS = { loginMax: 128, nameMax: 120, skillsMax: 30, queuesMax: 30, skillLevelMin: 1, skillLevelMax: 10, chatCapacityMax: 10, voiceCapacityMax: 1, priorityMin: -100, priorityMax: 100, delayMaxSeconds: 3600 } as const;

/** The capacity a new agent gets when the form leaves it out: one call or two chats. */
export const DEFAULT_CAPACITY = { voice: 1, chat: 2 } as const;
