import type { MessagePage, ReadMarker, TeamMessage } from './values.ts';

/** The team chat's messages and read markers, every one keyed under its tenant (docs/team-chat.md, pattern 47). */
export interface TeamChatRepository {
  /**
   * Stores a message once per sender and client message id in its room.
   * @returns the stored message: this one (`created`), or the one an earlier send with the same client id stored
   */
  append(message: TeamMessage): Promise<{ message: TeamMessage; created: boolean }>;
  /** A page of the room's history, newest first, before the opaque `cursor`. @throws InvalidRequestError for a cursor this API never gave */
  page(tenantId: string, roomId: string, query: { before?: string | undefined; limit: number }): Promise<MessagePage>;
  /** The newest messages after `position` (all when empty), newest first, at most `limit`. */
  after(tenantId: string, roomId: string, position: string, limit: number): Promise<TeamMessage[]>;
  latest(tenantId: string, roomId: string): Promise<TeamMessage | undefined>;
  /** Messages holding every term among the room's newest `scan`, newest first. */
  search(tenantId: string, roomId: string, terms: readonly string[], scan: number): Promise<TeamMessage[]>;

  /** The user's markers, one per room they read or were written to in (direct rooms are listed from these). */
  markers(tenantId: string, userId: string): Promise<ReadMarker[]>;
  /** Moves the marker forward to `marker.readPosition`; a marker already further on stays. @returns the marker as stored */
  markRead(marker: ReadMarker): Promise<ReadMarker>;
  /** Creates the user's marker of a room unless they have one (a direct room then shows in their list). */
  ensureMarker(tenantId: string, userId: string, roomId: string, at: string): Promise<void>;
}
