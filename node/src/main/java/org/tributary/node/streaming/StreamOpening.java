package org.tributary.node.streaming;

/** The answer to opening a stream: the stream, or why it was refused (a stable code and a message). */
public sealed interface StreamOpening permits StreamOpening.Opened, StreamOpening.Refused {

    record Opened(StreamConnection connection) implements StreamOpening {
    }

    record Refused(String code, String message) implements StreamOpening {
    }
}
