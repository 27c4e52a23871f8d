import type { MessagePage, ReadMarker, RoomSummary, RoomsView, TeamMessage } from '@cc/shared/team-chat/values';
import { searchOf, type RequestOptions } from './http.ts';

/** What `POST /api/team-chat/rooms/:roomId/messages` takes: text and/or a contact to share, and the client's id for a harmless repeat. */
export interface TeamMessageDraft {
  clientMessageId: string;
  text?: string;
  broadcast?: boolean;
  contactId?: string;
}

/** `GET /api/team-chat/search`: the hits, newest first, and the bound they were found within. */
export interface TeamSearchResult {
  hits: TeamMessage[];
  rooms: number;
  scannedPerRoom: number;
}

/** The team chat (docs/team-chat.md): rooms with unread counts, history, sending, read markers, direct rooms and search. */
export interface TeamChatApi {
  teamRooms(): Promise<RoomsView>;
  teamHistory(roomId: string, page?: { before?: string; limit?: number }): Promise<MessagePage>;
  /** A repeat with the same `clientMessageId` answers the message already stored. */
  sendTeamMessage(roomId: string, draft: TeamMessageDraft): Promise<TeamMessage>;
  markTeamRead(roomId: string, upTo: Pick<TeamMessage, 'sentAt' | 'messageId'>): Promise<ReadMarker>;
  openDirectRoom(userId: string): Promise<RoomSummary>;
  searchTeamChat(query: string, roomId?: string): Promise<TeamSearchResult>;
}

type JsonCall = <T>(path: string, init?: Omit<RequestOptions, 'token' | 'fetch'>) => Promise<T>;
const id = encodeURIComponent;

/** The team chat part of the API client, over the client's authenticated `call`. */
export function teamChatApi(call: JsonCall): TeamChatApi {
  return {
    teamRooms: () => call<RoomsView>('/api/team-chat/rooms'),
    teamHistory: (roomId, page = {}) => call<MessagePage>(`/api/team-chat/rooms/${id(roomId)}/messages${searchOf(page)}`),
    sendTeamMessage: async (roomId, draft) => (await call<{ message: TeamMessage }>(`/api/team-chat/rooms/${id(roomId)}/messages`, { method: 'POST', body: draft })).message,
    markTeamRead: (roomId, upTo) => call<ReadMarker>(`/api/team-chat/rooms/${id(roomId)}/read`, { method: 'PUT', body: { sentAt: upTo.sentAt, messageId: upTo.messageId } }),
    openDirectRoom: (userId) => call<RoomSummary>('/api/team-chat/direct', { method: 'POST', body: { userId } }),
    searchTeamChat: (query, roomId) => call<TeamSearchResult>(`/api/team-chat/search${searchOf({ q: query, roomId })}`),
  };
}
