import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ScriptStep } from '@cc/shared/scripts/values';

export type StepNodeData = { step: ScriptStep; start: boolean; kindLabel: string; startLabel: string };
export type StepNodeType = Node<StepNodeData, 'step'>;

/** One step on the canvas: its kind and title, a way in on top, and a way out per `next` or answer at the bottom. */
export function StepNode({ data, selected }: NodeProps<StepNodeType>) {
  const { step, start } = data;
  const outs = step.kind === 'say' ? [{ id: 'next', label: '' }] : step.kind === 'question' ? (step.answers ?? []).map((a) => ({ id: a.id, label: a.label })) : [];
  return (
    <div className="step-node" data-kind={step.kind} data-selected={selected || undefined} data-step-id={step.id}>
      <Handle type="target" position={Position.Top} />
      <div className="step-node__kind">{data.kindLabel}{start && <span className="step-node__start"> · {data.startLabel}</span>}</div>
      <div className="step-node__title">{step.title}</div>
      {step.section && <div className="step-node__section">{step.section}</div>}
      {step.outcome && <div className={`step-node__outcome step-node__outcome--${step.outcome.success ? 'good' : 'bad'}`}>{step.outcome.label}</div>}
      {outs.length > 1 && (
        <div className="step-node__answers">
          {outs.map((o) => <span key={o.id}>{o.label}</span>)}
        </div>
      )}
      {outs.map((o, i) => (
        <Handle key={o.id} id={o.id} type="source" position={Position.Bottom} style={{ left: `${((i + 1) * 100) / (outs.length + 1)}%` }} title={o.label || undefined} />
      ))}
    </div>
  );
}
