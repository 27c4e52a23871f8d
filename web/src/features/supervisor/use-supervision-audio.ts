import { useCallback, useEffect, useRef, useState } from 'react';
import type { SupervisionMode } from '@cc/shared/contacts/values';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { CallAudio } from '../../voice/call-audio.ts';
import { joinCallAudio } from '../../voice/join-call-audio.ts';
import { useApi } from '../auth/session.tsx';
import { planSeatChange, sendsNothing, type SupervisionSeat } from './live-calls.ts';

export interface SupervisionAudio {
  /** The call and mode the supervisor's audio is in now. */
  seat: SupervisionSeat;
  /** A change is under way (leaving, asking for a ticket, joining). */
  busy: boolean;
  /** Moves to `target` (a call and mode, or `undefined` to leave); resolves false when joining failed. */
  change(target: SupervisionSeat): Promise<boolean>;
}

/** Joins a seat's audio; a listener (or a seat that only hears) gets an empty microphone, so its client captures and sends nothing. */
async function joinSeat(ticket: AudioTicket | NonNullable<AudioTicket['whisper']>): Promise<CallAudio> {
  return joinCallAudio(ticket, sendsNothing(ticket) ? { microphone: new MediaStream() } : {});
}

/**
 * The supervisor's one seat in a live call: Listen, Whisper and Barge each ask the server for a ticket (which
 * records the mode on the contact) and join its audio; a switch drops the audio and rejoins; Leave drops it and
 * tells the server. Where whispers have a meeting apart (Chime), the ticket's `whisper` seat is joined too.
 */
export function useSupervisionAudio(): SupervisionAudio {
  const api = useApi();
  const [seat, setSeat] = useState<SupervisionSeat>();
  const [busy, setBusy] = useState(false);
  const audio = useRef<CallAudio[]>([]);
  const seatRef = useRef<SupervisionSeat>(undefined);

  const drop = async () => {
    const leaving = audio.current;
    audio.current = [];
    await Promise.allSettled(leaving.map((a) => a.leave()));
  };

  const change = useCallback(
    async (target: SupervisionSeat) => {
      const plan = planSeatChange(seatRef.current, target);
      if (!plan.dropAudio && !plan.join) return true;
      setBusy(true);
      try {
        if (plan.dropAudio) await drop();
        if (plan.leaveCall) await api.leaveCallAudio(plan.leaveCall).catch(() => undefined); // the call may be over: its entry ends anyway
        seatRef.current = undefined;
        setSeat(undefined);
        if (!plan.join) return true;
        const ticket = await api.callAudioTicket(plan.join.contactId, plan.join.mode);
        audio.current.push(await joinSeat(ticket));
        if (ticket.whisper) audio.current.push(await joinSeat(ticket.whisper));
        seatRef.current = plan.join;
        setSeat(plan.join);
        return true;
      } catch {
        await drop();
        if (plan.join) await api.leaveCallAudio(plan.join.contactId).catch(() => undefined);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  // Leaving the page leaves the call.
  useEffect(
    () => () => {
      const current = seatRef.current;
      void drop();
      if (current) void api.leaveCallAudio(current.contactId).catch(() => undefined);
    },
    [api],
  );

  return { seat, busy, change };
}

/** The mode the supervisor's buttons show as pressed for `contactId`. */
export const modeIn = (seat: SupervisionSeat, contactId: string): SupervisionMode | undefined => (seat?.contactId === contactId ? seat.mode : undefined);
