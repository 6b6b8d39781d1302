/**
 * A live board in the browser: starts from the server-rendered snapshot, subscribes on `/live`,
 * keeps only newer versions (the overview applies its deltas in order), and says when the
 * connection is lost. When the phone goes offline the socket is dropped at once (rather than after
 * a ping timeout) and resumes from the version it holds when the network returns.
 *
 * Messages come from this site's own server, which checks each kind against its zod schema
 * (messages.ts) in the tests; the phone only checks which board a message is for and its version,
 * and so does without the schemas' library (a twentieth of its script budget).
 */
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { applyCompetitionDelta, isBoardMessage, type Board, type CompetitionDelta } from '#app/domain/scoreboard.ts';
import type { SubscribeAck, SubscribeRequest } from './messages.ts';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'offline';

let shared: Socket | undefined;
/** One socket per page, however many boards it shows. */
function liveSocket(): Socket {
  shared ??= io('/live', { transports: ['websocket', 'polling'], autoConnect: true });
  return shared;
}

/** Mount it with a React key per board: a new board starts from its own snapshot. */
/** `keepEvent`: an overview narrowed to some events (a division, a venue) applies only their changes. */
export function useLiveBoard<T extends Board>(request: SubscribeRequest | null, initial: T, { keepEvent }: { keepEvent?: (eventId: number) => boolean } = {}): { board: T; connection: Connection } {
  const [board, setBoard] = useState<T>(initial);
  const [connection, setConnection] = useState<Connection>('connecting');
  const held = useRef(initial);
  const key = request ? JSON.stringify(request) : '';

  useEffect(() => {
    if (!request) return;
    const socket = liveSocket();
    const accept = (raw: unknown) => {
      if (!isBoardMessage(raw, request.scope)) return;
      const next = raw as T;
      if (next.scope === 'event' && request.scope === 'event' && next.eventId !== request.eventId) return;
      if (next.version <= held.current.version) return;
      held.current = next;
      setBoard(next);
    };
    // The overview comes as deltas; one that does not follow the version held means some were
    // missed, and the viewer asks again with the version it holds (the answer is a whole snapshot).
    const acceptDelta = (raw: unknown) => {
      if (!isBoardMessage(raw, 'competition-delta') || held.current.scope !== 'competition' || raw.version <= held.current.version) return;
      const delta: CompetitionDelta = keepEvent ? { ...raw, events: raw.events.filter((e) => keepEvent(e.eventId)) } : raw;
      const next = applyCompetitionDelta(held.current, delta);
      if (!next) return subscribe();
      held.current = next as T;
      setBoard(next as T);
    };
    const subscribe = () => {
      socket.emit('subscribe', { ...request, since: held.current.version }, (ack: SubscribeAck) => {
        if (!ack.ok) return;
        setConnection('live');
        if (ack.snapshot) accept(keepEvent && ack.snapshot.scope === 'competition' ? { ...ack.snapshot, events: ack.snapshot.events.filter((e) => keepEvent(e.eventId)) } : ack.snapshot);
      });
    };
    const onDisconnect = () => setConnection(navigator.onLine ? 'reconnecting' : 'offline');
    const onOffline = () => {
      setConnection('offline');
      socket.disconnect();
    };
    const onOnline = () => {
      setConnection('reconnecting');
      socket.connect();
    };
    const [event, listener] = request.scope === 'event' ? ['board', accept] : ['competition-delta', acceptDelta];
    socket.on(event, listener);
    socket.on('connect', subscribe);
    socket.on('disconnect', onDisconnect);
    socket.io.on('reconnect_attempt', onDisconnect);
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    if (socket.connected) subscribe();
    return () => {
      socket.emit('unsubscribe', request);
      socket.off(event, listener);
      socket.off('connect', subscribe);
      socket.off('disconnect', onDisconnect);
      socket.io.off('reconnect_attempt', onDisconnect);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
    };
    // The request is compared by value: a new object with the same content is the same board.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return { board, connection };
}
