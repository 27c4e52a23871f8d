import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Contact } from '@cc/shared/contacts/model';
import { SUPERVISION_MODES, type SupervisionMode } from '@cc/shared/contacts/values';
import { ProblemError } from '../../api/errors.ts';
import { Avatar } from '../../components/avatar.tsx';
import { PhoneIcon } from '../../components/icons.tsx';
import { useToast } from '../../components/toast.tsx';
import { formatClock, formatPhone } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi, useSession } from '../auth/session.tsx';
import { useRealtime } from '../shell/realtime-context.tsx';
import { applyLiveCall, applyLiveCallList, othersIn, secondsSince, sortLiveCalls, talkSeconds, type LiveCallBoard } from './live-calls.ts';
import { modeIn, useSupervisionAudio } from './use-supervision-audio.ts';
import { LiveBoard } from './live-board.tsx';

/**
 * Calls in progress for supervisors: agent, queue, caller and talk time, with Listen / Whisper / Barge / Leave.
 * Loaded from `GET /api/wallboard/calls` on entry and after every reconnect, kept live by `contact.updated` pushes.
 */
export function LiveCallsPanel({ now, agentNames, queueNames }: { now: number; agentNames: Map<string, string>; queueNames: Map<string, string> }) {
  const { t, tp } = useI18n();
  const api = useApi();
  const notify = useToast();
  const { on, openCount } = useRealtime();
  const seen = useRef(new Map<string, number>());
  const [board, setBoard] = useState<LiveCallBoard | undefined>();
  const [failed, setFailed] = useState(false);
  const { seat, busy, change } = useSupervisionAudio();
  const selfId = useSession().session?.user.userId ?? '';

  const load = useCallback(() => {
    setFailed(false);
    api.liveCalls().then(
      (calls) => setBoard(applyLiveCallList(calls, seen.current)),
      (error: unknown) => {
        if (!(error instanceof ProblemError && error.status === 401)) setFailed(true);
      },
    );
  }, [api]);
  useEffect(load, [load, openCount]);
  useEffect(() => on('contact.updated', ({ contact }) => setBoard((current) => applyLiveCall(current ?? new Map(), contact, seen.current))), [on]);

  // A call that ended under the supervisor takes their audio with it.
  useEffect(() => {
    if (board && seat && !board.has(seat.contactId) && !busy) void change(undefined);
  }, [board, seat, busy, change]);

  const calls = useMemo(() => (board ? sortLiveCalls(board) : []), [board]);
  const press = (target: { contactId: string; mode: SupervisionMode } | undefined) =>
    void change(target).then((ok) => {
      if (!ok) notify(t('liveCalls.joinError'), 'error');
    });

  return (
    <LiveBoard
      id="live-calls-title"
      testId="live-calls"
      className="live-calls"
      title={t('liveCalls.title')}
      meta={board ? tp('liveCalls.calls', calls.length) : undefined}
      loaded={board !== undefined}
      failed={failed}
      onRetry={load}
      empty={calls.length === 0 ? { icon: <PhoneIcon size={28} />, title: t('liveCalls.empty') } : undefined}
      columns={[t('liveCalls.col.agent'), t('liveCalls.col.queue'), t('liveCalls.col.caller'), t('liveCalls.col.talk'), t('liveCalls.col.actions')]}
    >
      {calls.map((call) => (
        <LiveCallRow key={call.contactId} call={call} now={now} agentName={agentNames.get(call.agentId ?? '') ?? call.agentId ?? ''} queueName={queueNames.get(call.queueId) ?? call.queueId} mode={modeIn(seat, call.contactId)} selfId={selfId} busy={busy} onPress={press} />
      ))}
    </LiveBoard>
  );
}

function LiveCallRow({ call, now, agentName, queueName, mode, selfId, busy, onPress }: { call: Contact; now: number; agentName: string; queueName: string; mode: SupervisionMode | undefined; selfId: string; busy: boolean; onPress(target: { contactId: string; mode: SupervisionMode } | undefined): void }) {
  const { t, locale } = useI18n();
  const caller = call.call?.customer;
  return (
    <tr className="agent-row live-call" data-contact-id={call.contactId} data-mode={mode}>
      <th scope="row" className="agent-row__name">
        <span className="agent-name">
          <Avatar name={agentName} seed={call.agentId ?? call.contactId} size={32} />
          <span>{agentName}</span>
        </span>
      </th>
      <td data-label={t('liveCalls.col.queue')}>{queueName}</td>
      <td data-label={t('liveCalls.col.caller')} className="tabular">
        {caller ? formatPhone(caller, locale) : <span className="muted">{t('liveCalls.unknownCaller')}</span>}
      </td>
      <td data-label={t('liveCalls.col.talk')} className="tabular" data-testid="talk-time">
        {formatClock(talkSeconds(call, now))}
        {call.hold?.since && (
          <span className="live-call__hold" data-testid="on-hold">
            {t('liveCalls.onHold', { time: formatClock(secondsSince(call.hold.since, now)) })}
          </span>
        )}
      </td>
      <td className="live-call__actions">
        <div className="live-call__buttons" role="group" aria-label={t('liveCalls.col.actions')}>
          {SUPERVISION_MODES.map((option) => (
            <button key={option} type="button" className={`button ${mode === option ? 'button--primary' : 'button--subtle'}`} aria-pressed={mode === option} disabled={busy} data-mode-button={option} onClick={() => onPress({ contactId: call.contactId, mode: option })}>
              {t(`liveCalls.${option}`)}
            </button>
          ))}
          {mode && (
            <button type="button" className="button button--danger" disabled={busy} data-mode-button="leave" onClick={() => onPress(undefined)}>
              {t('liveCalls.leave')}
            </button>
          )}
        </div>
        {mode && (
          <p className="live-call__mode" role="status" data-testid="supervision-mode">
            {t(`liveCalls.mode.${mode}`)}
          </p>
        )}
        {othersIn(call, selfId).map((entry) => (
          <p key={`${entry.userId}:${entry.since}`} className="live-call__others muted">
            {t(`liveCalls.other.${entry.role}`, { name: entry.name })}
          </p>
        ))}
      </td>
    </tr>
  );
}
