package io.oomguard.cases.buffers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Server-sent events written into a pooled buffer one queued event at a time, the way Undertow's
 * {@code ServerSentEventConnection} does; what does not fit is kept on the event for later.
 */
public class EventStreamWriter {
  static final class Event {
    String id;
    String data;
    byte[] leftOver;
  }

  private final Deque<Event> queue = new ArrayDeque<>();

  public void fill(ByteBuffer buffer) {
    while (!queue.isEmpty() && buffer.hasRemaining()) {
      Event event = queue.poll();
      // Quiet: the builder encodes one event already held in memory, a loop over its lines
      // included; it adds about as much again, and nothing streams into it.
      StringBuilder message = new StringBuilder();
      message.append("id:").append(event.id).append('\n');
      for (String line : event.data.split("\n")) {
        message.append("data:").append(line).append('\n');
      }
      byte[] bytes = message.append('\n').toString().getBytes(StandardCharsets.UTF_8);
      if (bytes.length < buffer.remaining()) {
        buffer.put(bytes);
      } else {
        int room = buffer.remaining();
        buffer.put(bytes, 0, room);
        event.leftOver = bytes;
      }
    }
  }
}
