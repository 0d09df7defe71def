package io.jvirt.driver.kvm.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * An asynchronous QMP event such as {@code SHUTDOWN}, {@code STOP} or {@code RESUME}.
 *
 * @param name the event name, e.g. {@code "SHUTDOWN"}
 * @param data the event's {@code data} member, or an empty object when QEMU sent none
 * @param timestampMicros QEMU's wall-clock timestamp in microseconds since the epoch, or -1
 * @param line the event as QEMU wrote it, without its line end: QEMU writes the same text to each
 *     monitor, so it identifies this event in another monitor's output too
 */
public record QmpEvent(String name, JsonNode data, long timestampMicros, String line) {

    static QmpEvent fromJson(JsonNode line, String text) {
        JsonNode ts = line.path("timestamp");
        long micros = ts.has("seconds")
                ? ts.path("seconds").asLong() * 1_000_000L + ts.path("microseconds").asLong()
                : -1;
        JsonNode data = line.get("data");
        if (data == null || data instanceof NullNode) {
            data = QmpClient.JSON.createObjectNode();
        }
        return new QmpEvent(line.path("event").asText(), data, micros, text);
    }
}
