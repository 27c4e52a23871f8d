import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { rules } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';

/**
 * Helpers that acknowledge cdk-nag findings whose text depends on the environment (partition,
 * region, account, logical ids): they compute the finding exactly as the AwsSolutions rule does,
 * from the construct as it is when called, and acknowledge only what an allowance matches.
 * Anything else (a wildcard granted later, a new managed policy) is still reported.
 */

/** One wildcard a policy is allowed to hold, and why. */
export interface WildcardAllowance {
  /** Matched against the finding, e.g. `Resource::*` or `Action::s3:GetObject*`. */
  readonly finding: RegExp;
  /** When set, every action of each statement carrying the wildcard must be one of these. */
  readonly actions?: readonly string[];
  readonly reason: string;
}

/** One AWS-managed policy a role is allowed to use, and why. */
export interface ManagedPolicyAllowance {
  /** Matched against the policy ARN as cdk-nag prints it, e.g. `…:iam::aws:policy/service-role/X`. */
  readonly policy: RegExp;
  readonly reason: string;
}

interface PolicyStatementJson {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function cfnResourceOf(construct: IConstruct): CfnResource {
  if (CfnResource.isCfnResource(construct)) return construct;
  const child = construct.node.defaultChild;
  if (child && CfnResource.isCfnResource(child)) return child;
  throw new Error(`${construct.node.path} has no CloudFormation resource to check`);
}

/**
 * Acknowledges the `AwsSolutions-IAM5` findings of `policy` (a Policy, ManagedPolicy or its Cfn
 * resource) that an allowance matches, each with that allowance's reason.
 * @returns the acknowledged rule ids.
 */
export function acknowledgeWildcards(policy: IConstruct, allowances: readonly WildcardAllowance[]): string[] {
  const cfn = cfnResourceOf(policy);
  const document = Stack.of(cfn).resolve((cfn as unknown as { policyDocument: unknown }).policyDocument) as { Statement?: PolicyStatementJson[] };
  const actionsByFinding = new Map<string, Set<string>>();
  const note = (finding: string, actions: string[]) => {
    const seen = actionsByFinding.get(finding) ?? new Set<string>();
    actions.forEach((action) => seen.add(action));
    actionsByFinding.set(finding, seen);
  };
  for (const statement of document.Statement ?? []) {
    if (statement.Effect !== 'Allow') continue;
    const actions = asArray(statement.Action);
    for (const action of actions) if (action.includes('*')) note(`Action::${action}`, actions);
    for (const resource of asArray(statement.Resource).map(flattenCfnReference)) {
      if (resource.includes('*')) note(`Resource::${resource}`, actions);
    }
  }
  const acknowledged: string[] = [];
  for (const [finding, actions] of actionsByFinding) {
    const allowance = allowances.find((a) => a.finding.test(finding) && (!a.actions || [...actions].every((action) => a.actions!.includes(action))));
    if (!allowance) continue;
    const id = `AwsSolutions-IAM5[${finding}]`;
    Validations.of(policy).acknowledge({ id, reason: allowance.reason });
    acknowledged.push(id);
  }
  return acknowledged;
}

/**
 * Acknowledges the `AwsSolutions-IAM4` findings of `role` that an allowance matches.
 * @returns the acknowledged rule ids.
 */
export function acknowledgeManagedPolicies(role: IConstruct, allowances: readonly ManagedPolicyAllowance[]): string[] {
  const result = rules.iam.IAMNoManagedPolicies(cfnResourceOf(role));
  const acknowledged: string[] = [];
  for (const finding of Array.isArray(result) ? result : []) {
    const allowance = allowances.find((a) => a.policy.test(finding.replace(/^Policy::/, '')));
    if (!allowance) continue;
    const id = `AwsSolutions-IAM4[${finding}]`;
    Validations.of(role).acknowledge({ id, reason: allowance.reason });
    acknowledged.push(id);
  }
  return acknowledged;
}
