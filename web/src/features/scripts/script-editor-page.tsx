import { useEffect, useMemo, useState } from 'react';
import { Background, Controls, ReactFlow, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { Script, ScriptContent, ScriptKind, StepKind } from '@cc/shared/scripts/values';
import { PERSONAL_MODES, SCRIPT_KINDS, STEP_KINDS, stepOf } from '@cc/shared/scripts/values';
import { CHANNEL_KINDS } from '@cc/shared/channels/catalog';
import { ProblemError, saveFailureOf } from '../../api/errors.ts';
import { LoadFailed } from '../../components/empty-state.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { hashFor } from '../shell/routes.ts';
import { addStep, connect, disconnect, edgesOf, layoutSteps, removeStep } from './script-graph.ts';
import { StepForm } from './step-form.tsx';
import { StepNode, type StepNodeType } from './step-node.tsx';

const NODE_TYPES = { step: StepNode };

/** A new script: a greeting and an outcome, connected, so it can be saved as it is and grown from there. */
function blankScript(name: string, greeting: string, outcome: string): ScriptContent {
  return {
    name, kind: 'flowchart', start: 'greet', attach: { queueIds: [] }, personal: 'off',
    steps: [
      { id: 'greet', kind: 'say', title: greeting, text: '', next: 'done', position: { x: 0, y: 0 } },
      { id: 'done', kind: 'outcome', title: outcome, text: '', outcome: { id: 'done', label: outcome, success: true }, position: { x: 0, y: 160 } },
    ],
  };
}

/** The content of a stored script, without what the server keeps about it. */
const contentOf = ({ name, description, kind, start, steps, attach, personal }: Script): ScriptContent => ({ name, ...(description && { description }), kind, start, steps, attach, personal });

/**
 * A script's editor (`#/scripts/<id>`, `#/scripts/new`): its steps drawn as a flowchart (React Flow) to drag,
 * connect and cut, the selected step's form beside it, and the script's name, model and queues. Saving makes a
 * new version; the server's reasons for refusing are listed by step, and a save after someone else's reloads.
 */
export function ScriptEditorPage({ scriptId }: { scriptId?: string }) {
  const api = useApi();
  const notify = useToast();
  const { t } = useI18n();
  const [stored, setStored] = useState<Script>();
  const [content, setContent] = useState<ScriptContent | undefined>(scriptId ? undefined : () => blankScript(t('scripts.newName'), t('scripts.step.greeting'), t('scripts.step.outcomeDefault')));
  const [queues, setQueues] = useState<TenantQueue[]>([]);
  const [selected, setSelected] = useState<string | undefined>();
  const [issues, setIssues] = useState<string[]>([]);
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);

  const load = () => {
    setFailed(false);
    api.listQueues().then(setQueues, () => setQueues([]));
    if (scriptId) api.script(scriptId).then((script) => { setStored(script); setContent(contentOf(script)); }, () => setFailed(true));
  };
  useEffect(load, [api, scriptId]);

  const places = useMemo(() => (content ? layoutSteps(content) : new Map()), [content]);
  const kindLabel = (kind: StepKind) => t(`scripts.stepKind.${kind}`);
  const nodes: StepNodeType[] = useMemo(() => (content?.steps ?? []).map((step) => ({
    id: step.id, type: 'step', position: places.get(step.id) ?? { x: 0, y: 0 }, selected: step.id === selected,
    data: { step, start: step.id === content?.start, kindLabel: kindLabel(step.kind), startLabel: t('scripts.step.start') },
  })), [content, places, selected, t]);
  const edges = useMemo(() => edgesOf(content?.steps ?? []).map((e) => ({ ...e, ...(e.label && { label: e.label }) })), [content]);

  if (failed) return <LoadFailed onRetry={load} />;
  if (!content) return null;
  const step = stepOf(content, selected);
  const update = (next: ScriptContent) => { setContent(next); setIssues([]); };

  const onNodesChange = (changes: NodeChange<StepNodeType>[]) => {
    let next = content;
    for (const change of changes) {
      if (change.type === 'position' && change.position) next = { ...next, steps: next.steps.map((s) => (s.id === change.id ? { ...s, position: { x: Math.round(change.position!.x), y: Math.round(change.position!.y) } } : s)) };
      if (change.type === 'select') setSelected(change.selected ? change.id : (current) => (current === change.id ? undefined : current));
    }
    if (next !== content) setContent(next);
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    let next = content;
    for (const change of changes) {
      if (change.type !== 'remove') continue;
      const [source, handle] = change.id.split('>');
      if (source && handle) next = disconnect(next, source, handle);
    }
    if (next !== content) update(next);
  };
  const onConnect = (connection: Connection) => {
    if (connection.source && connection.target) update(connect(content, connection.source, connection.sourceHandle ?? 'next', connection.target));
  };
  const add = (kind: StepKind) => {
    const lowest = Math.max(0, ...[...places.values()].map((p: { y: number }) => p.y));
    const added = addStep(content, kind, { x: 0, y: lowest + 160 }, { title: t(`scripts.stepKind.${kind}`), answer: (n) => t('scripts.step.answerDefault', { n }), outcome: t('scripts.step.outcomeDefault') });
    update(added.content);
    setSelected(added.id);
  };

  const save = async () => {
    setSaving(true);
    setIssues([]);
    try {
      const saved = stored ? await api.updateScript(stored.scriptId, stored.version, content) : await api.createScript(content);
      setStored(saved);
      setContent(contentOf(saved));
      notify(t('scripts.saved', { version: saved.version }), 'info');
      if (!stored) history.replaceState(null, '', hashFor('scripts', saved.scriptId));
    } catch (error) {
      const failure = saveFailureOf(error);
      if (failure.kind === 'stale') { notify(t('scripts.stale'), 'error'); load(); }
      else if (failure.kind === 'refused' && error instanceof ProblemError) setIssues(issueLines(error, content));
      else notify(t('scripts.saveFailed'), 'error');
    } finally {
      setSaving(false);
    }
  };

  const toggleQueue = (queueId: string, on: boolean) => update({ ...content, attach: { ...content.attach, queueIds: on ? [...content.attach.queueIds, queueId] : content.attach.queueIds.filter((q) => q !== queueId) } });
  const toggleChannel = (kind: string, on: boolean) => {
    const channels = on ? [...(content.attach.channels ?? []), kind] : (content.attach.channels ?? []).filter((c) => c !== kind);
    const { channels: _old, ...attach } = content.attach;
    update({ ...content, attach: channels.length ? { ...attach, channels } : attach });
  };
  const setMenuChoices = (text: string) => {
    const menuChoices = text.split(',').map((c) => c.trim()).filter(Boolean);
    const { menuChoices: _old, ...attach } = content.attach;
    update({ ...content, attach: menuChoices.length ? { ...attach, menuChoices } : attach });
  };

  return (
    <div className="qa-page" data-testid="script-editor">
      <section className="card" aria-labelledby="script-editor-title">
        <div className="card__header card__header--padded">
          <h1 id="script-editor-title" className="card__title">{stored ? t('scripts.editTitle', { name: stored.name, version: stored.version }) : t('scripts.newTitle')}</h1>
          <div className="admin-list__actions">
            {stored && <a className="button button--subtle button--small" href={`${hashFor('scripts', stored.scriptId)}/funnel`}>{t('scripts.funnel')}</a>}
            <a className="button button--subtle button--small" href={hashFor('scripts')}>{t('scripts.back')}</a>
          </div>
        </div>
        <div className="script-editor__meta">
          <label className="field">
            <span className="field__label">{t('scripts.name')}</span>
            <input className="input" value={content.name} onChange={(e) => update({ ...content, name: e.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">{t('scripts.kindLabel')}</span>
            <select className="input" value={content.kind} onChange={(e) => update({ ...content, kind: e.target.value as ScriptKind })}>
              {SCRIPT_KINDS.map((kind) => <option key={kind} value={kind}>{t(`scripts.kind.${kind}`)}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('scripts.personalLabel')}</span>
            <select className="input" value={content.personal} onChange={(e) => update({ ...content, personal: e.target.value as ScriptContent['personal'] })}>
              {PERSONAL_MODES.map((mode) => <option key={mode} value={mode}>{t(`scripts.personal.${mode}`)}</option>)}
            </select>
          </label>
          <fieldset className="field">
            <legend className="field__label">{t('scripts.queues')}</legend>
            <div className="script-editor__queues">
              {queues.map((queue) => (
                <label key={queue.queueId} className="checkbox">
                  <input type="checkbox" checked={content.attach.queueIds.includes(queue.queueId)} onChange={(e) => toggleQueue(queue.queueId, e.target.checked)} />
                  {queue.name}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="field">
            <legend className="field__label">{t('scripts.channels')}</legend>
            <div className="script-editor__queues">
              {CHANNEL_KINDS.map((kind) => (
                <label key={kind} className="checkbox">
                  <input type="checkbox" checked={content.attach.channels?.includes(kind) ?? false} onChange={(e) => toggleChannel(kind, e.target.checked)} />
                  {t(`channel.${kind}`)}
                </label>
              ))}
            </div>
            <span className="field__hint">{t('scripts.channelsHint')}</span>
          </fieldset>
          <label className="field">
            <span className="field__label">{t('scripts.menuChoices')}</span>
            <input className="input" defaultValue={content.attach.menuChoices?.join(', ') ?? ''} onBlur={(e) => setMenuChoices(e.target.value)} />
            <span className="field__hint">{t('scripts.menuChoicesHint')}</span>
          </label>
        </div>
        <div className="script-editor__toolbar">
          {STEP_KINDS.map((kind) => <button key={kind} type="button" className="button button--subtle button--small" onClick={() => add(kind)}>{t('scripts.add', { kind: kindLabel(kind) })}</button>)}
          <button type="button" className="button button--primary" disabled={saving} onClick={() => void save()}>{t('scripts.save')}</button>
        </div>
        {issues.length > 0 && <ul className="script-issues" role="alert">{issues.map((line) => <li key={line}>{line}</li>)}</ul>}
        <div className="script-editor">
          <div className="script-editor__canvas" aria-label={t('scripts.canvas')}>
            <ReactFlow nodes={nodes} edges={edges} nodeTypes={NODE_TYPES} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onConnect={onConnect} fitView deleteKeyCode={['Delete']} proOptions={{ hideAttribution: true }}>
              <Background />
              <Controls showInteractive={false} />
            </ReactFlow>
          </div>
          <div className="script-editor__side">
            {step ? (
              <StepForm
                content={content}
                step={step}
                onChange={(changed) => update({ ...content, steps: content.steps.map((s) => (s.id === changed.id ? changed : s)) })}
                onRemove={() => { update(removeStep(content, step.id)); setSelected(undefined); }}
                onStart={() => update({ ...content, start: step.id })}
              />
            ) : <p className="card__hint">{t('scripts.pickStep')}</p>}
          </div>
        </div>
      </section>
    </div>
  );
}

/** The server's reasons as lines, each naming the step it is about by its title. */
function issueLines(error: ProblemError, content: ScriptContent): string[] {
  const errors = (error.problem as { errors?: { path?: string; message?: string }[] } | undefined)?.errors ?? [];
  if (errors.length === 0) return [error.message];
  return errors.map(({ path = '', message = '' }) => {
    const index = /(?:^|\.)steps\.(\d+)/.exec(path)?.[1];
    const title = index === undefined ? undefined : content.steps[Number(index)]?.title;
    return title ? `«${title}»: ${message}` : message;
  });
}
