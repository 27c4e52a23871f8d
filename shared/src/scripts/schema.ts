/**
 * The scripts API's bodies: a script's content (checked to be followable by `scriptIssues`, each reason a 400 by
 * path), a personal wording, and one move of a run. Whether the attached queues exist is the route's question.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import { CHANNEL_KINDS } from '../channels/catalog.ts';
import { scriptIssues } from './graph.ts';
import { PERSONAL_MODES, SCRIPT_KINDS, SCRIPT_LIMITS, STEP_KINDS } from './values.ts';

const L = SCRIPT_LIMITS;
const StepIdSchema = lazySchema(() => IdSchema.min(1).max(L.idMaxLength));
const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const StepSchema = lazySchema(() => z.object({
  id: StepIdSchema,
  kind: z.enum(STEP_KINDS),
  title: Text(L.titleMaxLength),
  text: z.string().trim().max(L.textMaxLength),
  next: StepIdSchema.optional(),
  answers: z.array(z.object({ id: StepIdSchema, label: Text(L.labelMaxLength), next: StepIdSchema }).strict()).max(L.answersPerStep).optional(),
  outcome: z.object({ id: StepIdSchema, label: Text(L.labelMaxLength), success: z.boolean() }).strict().optional(),
  section: z.string().trim().max(L.labelMaxLength).optional(),
  locked: z.boolean().optional(),
  position: z.object({ x: z.number().finite().min(-1e5).max(1e5), y: z.number().finite().min(-1e5).max(1e5) }).strict().optional(),
}).strict());

/** `POST /api/scripts` and `PUT /api/scripts/:id` (which adds the `version` it changes). */
export const ScriptContentSchema = lazySchema(() => z.object({
  name: Text(L.nameMaxLength),
  description: z.string().trim().max(L.textMaxLength).optional(),
  kind: z.enum(SCRIPT_KINDS),
  start: StepIdSchema,
  steps: z.array(StepSchema).min(2, 'a script has at least two steps').max(L.steps),
  attach: z.object({
    queueIds: z.array(IdSchema).max(50),
    channels: z.array(z.enum(CHANNEL_KINDS as [string, ...string[]])).max(20).optional(),
    menuChoices: z.array(z.string().trim().min(1).max(L.labelMaxLength)).max(20).optional(),
  }).strict(),
  personal: z.enum(PERSONAL_MODES).default('off'),
}).strict().superRefine((content, ctx) => {
  for (const issue of scriptIssues(content)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}));
export type ScriptContentInput = z.infer<typeof ScriptContentSchema>;

export const UpdateScriptSchema = lazySchema(() => z.object({ version: z.number().int().min(1), content: ScriptContentSchema }).strict());

/** `PUT /api/scripts/:id/personal`: the agent's wording of unlocked steps, for the version they read. */
export const PersonalWordingSchema = lazySchema(() => z.object({
  baseVersion: z.number().int().min(1),
  texts: z.record(StepIdSchema, z.string().trim().min(1).max(L.textMaxLength)).refine((t) => Object.keys(t).length <= L.steps, `at most ${L.steps} steps`),
  version: z.number().int().min(1).optional(),
}).strict());

/** `POST /api/scripts/:id/runs/:contactId`: the step at index `seq` of the run, reached by `answerId` when one was picked. */
export const RunMoveSchema = lazySchema(() => z.object({
  version: z.number().int().min(1),
  seq: z.number().int().min(0).max(L.runSteps),
  stepId: StepIdSchema,
  answerId: StepIdSchema.optional(),
}).strict());
